package org.cadre.evaluation.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.cadre.policy.PolicyDocument.Weights;

/**
 * The weighted composite of the three domains of performance, with the school year's weights in percent
 * (Instructional Quality, Student Growth and Achievement, Professional Roles and Responsibilities).
 */
public record CompositeWeights(int instructionalQuality, int studentGrowth, int professionalRoles) {

    public CompositeWeights {
        if (instructionalQuality < 0 || studentGrowth < 0 || professionalRoles < 0) {
            throw new IllegalArgumentException("weights cannot be negative");
        }
        if (instructionalQuality + studentGrowth + professionalRoles != 100) {
            throw new IllegalArgumentException("weights must add up to 100");
        }
    }

    public static CompositeWeights of(Weights weights) {
        return new CompositeWeights(
                weights.instructionalQuality(), weights.studentGrowth(), weights.professionalRoles());
    }

    /** The composite, rounded to two decimals; the level is read from this rounded figure, as it is shown. */
    public BigDecimal composite(BigDecimal instructional, BigDecimal growth, BigDecimal roles) {
        var sum = instructional
                .multiply(BigDecimal.valueOf(instructionalQuality))
                .add(growth.multiply(BigDecimal.valueOf(studentGrowth)))
                .add(roles.multiply(BigDecimal.valueOf(professionalRoles)));
        return sum.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }
}
