package org.cadre.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.cadre.policy.PolicyDocument;
import org.junit.jupiter.api.Test;

/** A measure counts only with the policy's minimum of students, and its level comes from the policy's cut points. */
class GrowthMeasuresFollowThePolicy {

    final GrowthMeasurePolicy policy = GrowthMeasurePolicy.of(new PolicyDocument.Growth(
            10,
            List.of(
                    new PolicyDocument.GrowthLevel("Low growth", BigDecimal.ZERO),
                    new PolicyDocument.GrowthLevel("High growth", new BigDecimal("65")),
                    new PolicyDocument.GrowthLevel("Typical growth", new BigDecimal("35")))));

    @Test
    void fewerStudentsThanTheMinimumAreShownButNotReportedAndHaveNoLevel() {
        var measure = measure(70, 9);
        assertThat(measure.students()).isEqualTo(9);
        assertThat(measure.mgp()).isEqualTo(70.0);
        assertThat(measure.reported()).isFalse();
        assertThat(measure.growthLevel()).isNull();
    }

    @Test
    void theMinimumItselfIsEnough() {
        var measure = measure(70, 10);
        assertThat(measure.reported()).isTrue();
        assertThat(measure.growthLevel()).isEqualTo("High growth");
    }

    @Test
    void aLevelIsReachedAtItsMinimumMgpAndNotJustBelowIt() {
        assertThat(policy.level(65)).isEqualTo("High growth");
        assertThat(policy.level(64.5)).isEqualTo("Typical growth");
        assertThat(policy.level(35)).isEqualTo("Typical growth");
        assertThat(policy.level(34.5)).isEqualTo("Low growth");
    }

    @Test
    void theMinimumComesFromThePolicyAndThereIsNoOtherDefault() {
        assertThat(GrowthMeasurePolicy.of(new PolicyDocument.Growth(25, List.of()))
                        .minimumStudents())
                .isEqualTo(25);
        assertThatThrownBy(() -> GrowthMeasurePolicy.of(new PolicyDocument.Growth(null, List.of())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theLevelFollowsTheWeightedMedian() {
        // Unweighted median 50; the heavily weighted low scores pull the weighted median to 30.
        var measure = policy.measure(
                Measure.Scope.TEACHER,
                1L,
                1L,
                "Math",
                new int[] {30, 30, 30, 30, 30, 70, 70, 70, 70, 70, 50},
                new int[] {100, 100, 100, 100, 100, 10, 10, 10, 10, 10, 100});
        assertThat(measure.mgp()).isEqualTo(50.0);
        assertThat(measure.weightedMgp()).isEqualTo(30.0);
        assertThat(measure.growthLevel()).isEqualTo("Low growth");
    }

    private Measure measure(int sgp, int students) {
        int[] sgps = new int[students];
        Arrays.fill(sgps, sgp);
        int[] weights = new int[students];
        Arrays.fill(weights, 100);
        return policy.measure(Measure.Scope.TEACHER, 1L, 1L, "Math", sgps, weights);
    }
}
