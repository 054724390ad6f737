package org.cadre.policy;

import java.math.BigDecimal;
import java.util.List;

/**
 * The policy of one school year, as adopted. Each capability reads its own section; no capability keeps a
 * policy number as a literal in code.
 */
public record PolicyDocument(
        Evaluation evaluation, Growth growth, Slo slo, Credentials credentials, Compensation compensation) {

    /** How teachers are evaluated. */
    public record Evaluation(
            String rubric,
            Integer goalSettingDueWeeks,
            FormalObservations formalObservations,
            Integer feedbackDueWorkingDays,
            SummativeRule summativeRule,
            Weights weights,
            Integer minimumStudentGrowthWeight,
            List<EffectivenessLevel> effectivenessLevels) {}

    /** The minimum formal observations per teacher per year and their minimum length. */
    public record FormalObservations(Integer minimum, Integer minimumMinutes) {}

    /** How each dimension's final rating is reached from the year's observations. */
    public enum SummativeRule {
        MEAN,
        LATEST,
        APPRAISER_JUDGEMENT
    }

    /** Weights, in percent, of the three domains of performance in the summative composite. */
    public record Weights(Integer instructionalQuality, Integer studentGrowth, Integer professionalRoles) {}

    /** An effectiveness level and the lowest composite score that reaches it. */
    public record EffectivenessLevel(String name, BigDecimal minimumScore) {}

    /** How growth measures are reported. */
    public record Growth(Integer minimumStudents, List<GrowthLevel> levels) {}

    /** A growth level and the lowest median growth percentile that reaches it. */
    public record GrowthLevel(String name, BigDecimal minimumMgp) {}

    /** Student learning objectives. */
    public record Slo(Integer elementaryCount, Integer secondaryCount, List<SloBand> bands) {}

    /** The rating given when at least {@code minimumPercent} of students met their target. */
    public record SloBand(Integer minimumPercent, Integer rating) {}

    /** Micro-credentials: what earning one gives, and how assessment is run. */
    public record Credentials(
            Integer cpeHours,
            BigDecimal stipend,
            Integer maxPaidPerYear,
            List<String> eligiblePayBands,
            Integer turnaroundBusinessDays,
            Integer attemptsBeforeCoaching,
            BigDecimal calibrationKappaTarget) {}

    /** Performance pay: timing and eligibility gates. */
    public record Compensation(
            Integer payoutMonth, Integer minimumDaysEmployed, Integer minimumObservations, BigDecimal roleStipendCap) {}
}
