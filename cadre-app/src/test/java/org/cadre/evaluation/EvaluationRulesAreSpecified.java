package org.cadre.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cadre.evaluation.rules.Agreement;
import org.cadre.evaluation.rules.CompositeWeights;
import org.cadre.evaluation.rules.DimensionRatingRule;
import org.cadre.evaluation.rules.EffectivenessCutPoints;
import org.cadre.evaluation.rules.FeedbackDeadline;
import org.cadre.evaluation.rules.FinalRatingSource;
import org.cadre.evaluation.rules.GoalSettingDeadline;
import org.cadre.evaluation.rules.ObservedRating;
import org.cadre.evaluation.rules.SummativeCalculation;
import org.cadre.evaluation.rules.WorkingDays;
import org.cadre.policy.PolicyDocument.EffectivenessLevel;
import org.cadre.policy.PolicyDocument.SummativeRule;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The evaluation rules, as plain Java: due dates, final ratings, the composite, cut points and agreement. */
class EvaluationRulesAreSpecified {

    static final LocalDate FRIDAY = LocalDate.of(2025, 9, 5);
    static final LocalDate MONDAY = LocalDate.of(2025, 9, 8);

    @Nested
    class ObservationFeedbackIsDueWithinTenWorkingDays {

        final FeedbackDeadline tenDays = new FeedbackDeadline(10, WorkingDays.mondayToFriday());

        @Test
        void aLessonOnFridayIsDueTheFridayTwoWeeksLater() {
            assertThat(tenDays.dueOn(FRIDAY)).isEqualTo(LocalDate.of(2025, 9, 19));
        }

        @Test
        void aLessonOnMondayIsDueTheMondayTwoWeeksLater() {
            assertThat(tenDays.dueOn(MONDAY)).isEqualTo(LocalDate.of(2025, 9, 22));
        }

        @Test
        void aLessonOnSaturdayCountsFromTheNextWorkingDay() {
            assertThat(tenDays.dueOn(LocalDate.of(2025, 9, 6))).isEqualTo(LocalDate.of(2025, 9, 19));
        }

        @Test
        void networkHolidaysAreNotWorkingDays() {
            var laborDay = LocalDate.of(2025, 9, 1);
            var withHoliday = new FeedbackDeadline(10, new WorkingDays(Set.of(laborDay)));
            assertThat(withHoliday.dueOn(LocalDate.of(2025, 8, 29))).isEqualTo(LocalDate.of(2025, 9, 15));
            assertThat(tenDays.dueOn(LocalDate.of(2025, 8, 29))).isEqualTo(LocalDate.of(2025, 9, 12));
        }

        @Test
        void feedbackOnTheDueDateIsOnTimeAndTheDayAfterIsLate() {
            assertThat(tenDays.isLate(FRIDAY, LocalDate.of(2025, 9, 19))).isFalse();
            assertThat(tenDays.isLate(FRIDAY, LocalDate.of(2025, 9, 20))).isTrue();
            assertThat(tenDays.isOverdue(FRIDAY, LocalDate.of(2025, 9, 22))).isTrue();
        }

        @Test
        void theGoalPlanIsDueSixWeeksIntoTheYear() {
            assertThat(new GoalSettingDeadline(6).dueOn(LocalDate.of(2025, 8, 11)))
                    .isEqualTo(LocalDate.of(2025, 9, 22));
        }
    }

    @Nested
    class EachDimensionsFinalRatingFollowsThePolicysRule {

        final List<ObservedRating> year = List.of(
                new ObservedRating(11, LocalDate.of(2025, 10, 1), 3),
                new ObservedRating(12, LocalDate.of(2026, 2, 1), 4),
                new ObservedRating(13, LocalDate.of(2025, 12, 1), 4));

        @Test
        void meanAveragesTheYearsObservationsToTwoDecimals() {
            var rating = new DimensionRatingRule(SummativeRule.MEAN).finalRating("2.1", year, null);
            assertThat(rating.value()).isEqualByComparingTo("3.67");
            assertThat(rating.source()).isEqualTo(FinalRatingSource.MEAN_OF_OBSERVATIONS);
            assertThat(rating.observationIds()).containsExactly(11L, 12L, 13L);
        }

        @Test
        void latestTakesTheMostRecentlyObservedLessonWhateverTheOrderGiven() {
            var rating = new DimensionRatingRule(SummativeRule.LATEST).finalRating("2.1", year, null);
            assertThat(rating.value()).isEqualByComparingTo("4");
            assertThat(rating.observationIds()).containsExactly(12L);
        }

        @Test
        void appraiserJudgementTakesTheJudgementAndKeepsTheObservationsAsEvidence() {
            var rating =
                    new DimensionRatingRule(SummativeRule.APPRAISER_JUDGEMENT).finalRating("2.1", year, BigDecimal.TWO);
            assertThat(rating.value()).isEqualByComparingTo("2");
            assertThat(rating.observationIds()).containsExactly(11L, 12L, 13L);
        }

        @Test
        void withNothingObservedTheRatingIsMissingNeverZero() {
            assertThat(new DimensionRatingRule(SummativeRule.MEAN)
                            .finalRating("2.1", List.of(), null)
                            .missing())
                    .isTrue();
            assertThat(new DimensionRatingRule(SummativeRule.APPRAISER_JUDGEMENT)
                            .finalRating("2.1", year, null)
                            .missing())
                    .isTrue();
        }
    }

    @Nested
    class TheCompositeWeighsTheThreeDomainsOfPerformance {

        final EffectivenessCutPoints defaults = new EffectivenessCutPoints(List.of(
                new EffectivenessLevel("Distinguished", new BigDecimal("4.5")),
                new EffectivenessLevel("Accomplished", new BigDecimal("3.5")),
                new EffectivenessLevel("Proficient", new BigDecimal("2.5")),
                new EffectivenessLevel("Developing", new BigDecimal("1.5")),
                new EffectivenessLevel("Improvement Needed", BigDecimal.ZERO)));

        @Test
        void defaultWeightsAreFiftyThirtyFiveFifteen() {
            var composite = new CompositeWeights(50, 35, 15)
                    .composite(new BigDecimal("3.50"), new BigDecimal("3.00"), new BigDecimal("4.00"));
            // 0.50 × 3.5 + 0.35 × 3 + 0.15 × 4 = 1.75 + 1.05 + 0.60
            assertThat(composite).isEqualByComparingTo("3.40");
        }

        @Test
        void otherWeightsChangeTheComposite() {
            var composite = new CompositeWeights(60, 20, 20)
                    .composite(new BigDecimal("3.50"), new BigDecimal("3.00"), new BigDecimal("4.00"));
            assertThat(composite).isEqualByComparingTo("3.50");
        }

        @Test
        void aCompositeReachesTheHighestLevelWhoseCutPointItMeets() {
            assertThat(defaults.levelFor(new BigDecimal("4.50"))).isEqualTo("Distinguished");
            assertThat(defaults.levelFor(new BigDecimal("4.49"))).isEqualTo("Accomplished");
            assertThat(defaults.levelFor(new BigDecimal("3.50"))).isEqualTo("Accomplished");
            assertThat(defaults.levelFor(new BigDecimal("2.50"))).isEqualTo("Proficient");
            assertThat(defaults.levelFor(new BigDecimal("1.49"))).isEqualTo("Improvement Needed");
            assertThat(defaults.levelFor(BigDecimal.ZERO)).isEqualTo("Improvement Needed");
        }

        @Test
        void theWholeYearFromObservationsToLevel() {
            var calculation = new SummativeCalculation(
                    new DimensionRatingRule(SummativeRule.MEAN), new CompositeWeights(50, 35, 15), defaults);
            var result = calculation.calculate(new SummativeCalculation.Inputs(
                    List.of(
                            new SummativeCalculation.DomainShape("1", false, List.of("1.1", "1.2")),
                            new SummativeCalculation.DomainShape("2", false, List.of("2.1")),
                            new SummativeCalculation.DomainShape("4", true, List.of("4.1", "4.2"))),
                    Map.of(
                            "1.1", List.of(new ObservedRating(1, FRIDAY, 3), new ObservedRating(2, MONDAY, 4)),
                            "1.2", List.of(new ObservedRating(1, FRIDAY, 3)),
                            "2.1", List.of(new ObservedRating(1, FRIDAY, 4), new ObservedRating(2, MONDAY, 5))),
                    Map.of(),
                    Map.of("4.1", 4, "4.2", 3),
                    new BigDecimal("3")));
            // Planning (3.5 + 3) / 2 = 3.25; Instruction 4.5; Instructional Quality (3.25 + 4.5) / 2 = 3.875 → 3.88
            assertThat(result.domainScores())
                    .containsEntry("1", new BigDecimal("3.25"))
                    .containsEntry("2", new BigDecimal("4.50"));
            assertThat(result.instructionalQuality()).isEqualByComparingTo("3.88");
            assertThat(result.professionalRoles()).isEqualByComparingTo("3.50");
            // 0.5 × 3.88 + 0.35 × 3 + 0.15 × 3.5 = 1.94 + 1.05 + 0.525 = 3.515 → 3.52
            assertThat(result.composite()).isEqualByComparingTo("3.52");
            assertThat(result.effectivenessLevel()).isEqualTo("Accomplished");
            assertThat(result.complete()).isTrue();
        }

        @Test
        void aMissingGrowthMeasureOrConferenceRatingLeavesTheResultIncomplete() {
            var calculation = new SummativeCalculation(
                    new DimensionRatingRule(SummativeRule.LATEST), new CompositeWeights(50, 35, 15), defaults);
            var result = calculation.calculate(new SummativeCalculation.Inputs(
                    List.of(
                            new SummativeCalculation.DomainShape("1", false, List.of("1.1")),
                            new SummativeCalculation.DomainShape("4", true, List.of("4.1"))),
                    Map.of("1.1", List.of(new ObservedRating(1, FRIDAY, 3))),
                    Map.of(),
                    Map.of(),
                    null));
            assertThat(result.complete()).isFalse();
            assertThat(result.missing()).containsExactly("4.1", "student growth");
            assertThat(result.composite()).isNull();
            assertThat(result.effectivenessLevel()).isNull();
        }
    }

    @Nested
    class AgreementBetweenAppraisers {

        @Test
        void cohensKappaOfTheClassicTwoByTwoTableIsFourTenths() {
            // 50 items: both yes 20, first yes second no 5, first no second yes 10, both no 15 (po 0.70, pe 0.50).
            assertThat(Agreement.kappa(new long[][] {{20, 5}, {10, 15}})).isCloseTo(0.4, within(1e-9));
        }

        @Test
        void equalAgreementCanHaveDifferentKappas() {
            // Both tables agree on 60 of 100; chance agreement differs (0.54 and 0.46).
            assertThat(Agreement.kappa(new long[][] {{45, 15}, {25, 15}})).isCloseTo(0.1304, within(1e-4));
            assertThat(Agreement.kappa(new long[][] {{25, 35}, {5, 35}})).isCloseTo(0.2593, within(1e-4));
        }

        @Test
        void perfectAgreementIsOneAndChanceLevelAgreementIsZero() {
            assertThat(Agreement.kappa(new long[][] {{10, 0, 0}, {0, 5, 0}, {0, 0, 7}}))
                    .isCloseTo(1.0, within(1e-9));
            assertThat(Agreement.kappa(new long[][] {{25, 25}, {25, 25}})).isCloseTo(0.0, within(1e-9));
        }

        @Test
        void exactAndAdjacentAgreementCountPairsWithinOneLevel() {
            var agreement = Agreement.of(List.of(
                    new Agreement.Pair(3, 3),
                    new Agreement.Pair(3, 4),
                    new Agreement.Pair(2, 4),
                    new Agreement.Pair(5, 5)));
            assertThat(agreement.pairs()).isEqualTo(4);
            assertThat(agreement.exact()).isEqualTo(0.5);
            assertThat(agreement.adjacent()).isEqualTo(0.75);
        }

        @Test
        void kappaIsUndefinedWhenBothAlwaysGaveTheSameRating() {
            assertThat(Agreement.of(List.of(new Agreement.Pair(3, 3), new Agreement.Pair(3, 3)))
                            .kappa())
                    .isNull();
        }
    }
}
