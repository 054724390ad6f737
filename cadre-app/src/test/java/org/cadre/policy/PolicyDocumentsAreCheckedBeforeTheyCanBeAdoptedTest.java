package org.cadre.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A policy document is read in full and every error names the path of the field it is about. */
class PolicyDocumentsAreCheckedBeforeTheyCanBeAdoptedTest {

    private final String defaults = Policies.defaultText();

    @Test
    void theShippedDefaultCarriesTheDomainDefaults() {
        var policy = PolicyReader.read(defaults);
        var evaluation = policy.evaluation();
        assertThat(evaluation.weights().instructionalQuality()).isEqualTo(50);
        assertThat(evaluation.weights().studentGrowth()).isEqualTo(35);
        assertThat(evaluation.weights().professionalRoles()).isEqualTo(15);
        assertThat(evaluation.minimumStudentGrowthWeight()).isEqualTo(20);
        assertThat(evaluation.feedbackDueWorkingDays()).isEqualTo(10);
        assertThat(evaluation.formalObservations().minimumMinutes()).isEqualTo(45);
        assertThat(evaluation.goalSettingDueWeeks()).isEqualTo(6);
        assertThat(policy.growth().minimumStudents()).isEqualTo(10);
        assertThat(policy.slo().bands())
                .extracting(PolicyDocument.SloBand::minimumPercent)
                .containsExactly(90, 80, 70, 60, 0);
        assertThat(policy.credentials().stipend()).isEqualByComparingTo(new BigDecimal("200"));
        assertThat(policy.credentials().maxPaidPerYear()).isEqualTo(8);
        assertThat(policy.credentials().cpeHours()).isEqualTo(15);
        assertThat(policy.compensation().payoutMonth()).isEqualTo(11);
    }

    @Test
    void weightsThatDoNotAddUpTo100AreRefusedWithTheirSum() {
        var errors = errorsOf(defaults.replace("professionalRoles: 15", "professionalRoles: 10"));
        assertThat(errors).contains("evaluation.weights: must add up to 100 (they add up to 95)");
    }

    @Test
    void studentGrowthBelowItsFloorIsRefused() {
        var errors = errorsOf(defaults.replace("studentGrowth: 35", "studentGrowth: 15")
                .replace("instructionalQuality: 50", "instructionalQuality: 70"));
        assertThat(errors)
                .contains("evaluation.weights.studentGrowth: must be at least the student growth floor of 20 %");
    }

    @Test
    void anUnknownSettingIsNamedWithItsPath() {
        var errors = errorsOf(
                defaults.replace("  feedbackDueWorkingDays: 10", "  feedbackDueWorkingDays: 10\n  feedbackDays: 3"));
        assertThat(errors).startsWith("1 error(s)").contains("evaluation.feedbackDays: is not a policy setting");
    }

    @Test
    void aWordWhereANumberBelongsIsNamedWithItsPathAndLine() {
        var errors = errorsOf(defaults.replace("minimumStudents: 10", "minimumStudents: ten"));
        assertThat(errors)
                .contains("growth.minimumStudents: must be a whole number")
                .contains("line 23");
    }

    @Test
    void cutPointsMustFallFromTheTopLevelDownToZero() {
        var errors = errorsOf(defaults.replace(
                        "{ name: Accomplished, minimumScore: 3.5 }", "{ name: Accomplished, minimumScore: 4.6 }")
                .replace("{ minimumPercent: 0, rating: 1 }", "{ minimumPercent: 10, rating: 1 }"));
        assertThat(errors)
                .contains("evaluation.effectivenessLevels[1].minimumScore: must be lower than the level above it (4.5)")
                .contains("slo.bands[4].minimumPercent: the last band must start at 0");
    }

    @Test
    void aMissingSectionIsRequired() {
        var withoutGrowth =
                defaults.substring(0, defaults.indexOf("growth:")) + defaults.substring(defaults.indexOf("slo:"));
        assertThat(errorsOf(withoutGrowth)).contains("growth: is required");
    }

    @Test
    void everyErrorIsReportedAtOnce() {
        var exception = catchThrowableOfType(
                InvalidPolicyException.class,
                () -> PolicyReader.read(defaults.replace("payoutMonth: 11", "payoutMonth: 13")
                        .replace("calibrationKappaTarget: 0.8", "calibrationKappaTarget: 1.8")));
        assertThat(exception.errors())
                .extracting(PolicyError::path)
                .containsExactlyInAnyOrder("compensation.payoutMonth", "credentials.calibrationKappaTarget");
    }

    @Test
    void jsonIsReadAsWellAsYaml() {
        var json = PolicyReader.toJson(PolicyReader.read(defaults));
        assertThat(PolicyReader.read(json)).isEqualTo(PolicyReader.read(defaults));
    }

    private static String errorsOf(String text) {
        return catchThrowableOfType(InvalidPolicyException.class, () -> PolicyReader.read(text))
                .getMessage();
    }
}
