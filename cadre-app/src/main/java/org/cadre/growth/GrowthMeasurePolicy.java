package org.cadre.growth;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import org.cadre.policy.PolicyDocument;

/**
 * The growth rules of a school year's policy: how many students a measure needs before it counts, and the
 * lowest MGP of each growth level. A measure below the minimum is kept (people can see why) but not reported
 * and has no level.
 */
record GrowthMeasurePolicy(int minimumStudents, List<PolicyDocument.GrowthLevel> levels) {

    GrowthMeasurePolicy {
        levels = levels.stream()
                .sorted(Comparator.comparing(PolicyDocument.GrowthLevel::minimumMgp)
                        .reversed())
                .toList();
    }

    /** The growth section of an adopted policy, which always sets the minimum and the levels (PolicyRules). */
    static GrowthMeasurePolicy of(PolicyDocument.Growth growth) {
        if (growth == null || growth.minimumStudents() == null || growth.levels() == null) {
            throw new IllegalStateException("An adopted policy without its growth minimum and levels: " + growth);
        }
        return new GrowthMeasurePolicy(growth.minimumStudents(), growth.levels());
    }

    /** The level a median growth percentile reaches: the one with the highest minimum at or below it. */
    String level(double mgp) {
        return levels.stream()
                .filter(level -> BigDecimal.valueOf(mgp).compareTo(level.minimumMgp()) >= 0)
                .map(PolicyDocument.GrowthLevel::name)
                .findFirst()
                .orElse(null);
    }

    /**
     * The measure of a group of student percentiles.
     *
     * @param hundredths each percentile's instructional weight in hundredths (100 for campuses and the network)
     */
    Measure measure(Measure.Scope scope, Long staffId, Long campusId, String subject, int[] sgps, int[] hundredths) {
        double mgp = MedianGrowth.median(sgps);
        double weighted = MedianGrowth.weightedMedian(sgps, hundredths);
        long weight = 0;
        for (int w : hundredths) {
            weight += w;
        }
        double se = MedianGrowth.standardError(sgps);
        boolean reported = sgps.length >= minimumStudents;
        return new Measure(
                scope,
                staffId,
                campusId,
                null,
                subject,
                sgps.length,
                weight / 100.0,
                mgp,
                weighted,
                round(MedianGrowth.mean(sgps), 2),
                Double.isNaN(se) ? null : round(se, 2),
                reported,
                reported ? level(weighted) : null);
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
