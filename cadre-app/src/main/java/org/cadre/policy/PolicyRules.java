package org.cadre.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;

/**
 * What makes a policy document adoptable: every setting present and in range, the three domain weights adding
 * up to 100 with student growth at or above its floor, and every list of cut points running from the top
 * level down to a last level that starts at zero, so that every score has exactly one level.
 */
final class PolicyRules {

    static List<PolicyError> check(PolicyDocument document) {
        var errors = new Errors();
        if (errors.present("evaluation", document.evaluation())) {
            evaluation(document.evaluation(), errors);
        }
        if (errors.present("growth", document.growth())) {
            var growth = document.growth();
            errors.range("growth.minimumStudents", growth.minimumStudents(), 1, 1000);
            descending(
                    "growth.levels",
                    growth.levels(),
                    PolicyDocument.GrowthLevel::name,
                    PolicyDocument.GrowthLevel::minimumMgp,
                    "minimumMgp",
                    BigDecimal.valueOf(99),
                    errors);
        }
        if (errors.present("slo", document.slo())) {
            var slo = document.slo();
            errors.range("slo.elementaryCount", slo.elementaryCount(), 1, 5);
            errors.range("slo.secondaryCount", slo.secondaryCount(), 1, 5);
            if (errors.present("slo.bands", slo.bands())) {
                Integer previous = null;
                for (int i = 0; i < slo.bands().size(); i++) {
                    var band = slo.bands().get(i);
                    var path = "slo.bands[" + i + "]";
                    if (!errors.present(path, band)) {
                        continue;
                    }
                    errors.range(path + ".minimumPercent", band.minimumPercent(), 0, 100);
                    errors.range(path + ".rating", band.rating(), 0, 10);
                    if (band.minimumPercent() != null) {
                        if (previous != null && band.minimumPercent() >= previous) {
                            errors.add(
                                    path + ".minimumPercent",
                                    "must be lower than the band above it (" + previous + ")");
                        }
                        previous = band.minimumPercent();
                    }
                }
                if (previous != null && previous != 0) {
                    errors.add(
                            "slo.bands[" + (slo.bands().size() - 1) + "].minimumPercent",
                            "the last band must start at 0, so every result has a rating");
                }
            }
        }
        if (errors.present("credentials", document.credentials())) {
            var c = document.credentials();
            errors.range("credentials.cpeHours", c.cpeHours(), 0, 200);
            errors.nonNegative("credentials.stipend", c.stipend());
            errors.range("credentials.maxPaidPerYear", c.maxPaidPerYear(), 0, 100);
            errors.present("credentials.eligiblePayBands", c.eligiblePayBands());
            errors.range("credentials.turnaroundBusinessDays", c.turnaroundBusinessDays(), 1, 60);
            errors.range("credentials.attemptsBeforeCoaching", c.attemptsBeforeCoaching(), 1, 20);
            if (errors.present("credentials.calibrationKappaTarget", c.calibrationKappaTarget())
                    && (c.calibrationKappaTarget().signum() < 0
                            || c.calibrationKappaTarget().compareTo(BigDecimal.ONE) > 0)) {
                errors.add("credentials.calibrationKappaTarget", "must be between 0 and 1");
            }
        }
        if (errors.present("compensation", document.compensation())) {
            var c = document.compensation();
            errors.range("compensation.payoutMonth", c.payoutMonth(), 1, 12);
            errors.range("compensation.minimumDaysEmployed", c.minimumDaysEmployed(), 0, 366);
            errors.range("compensation.minimumObservations", c.minimumObservations(), 0, 20);
            errors.nonNegative("compensation.roleStipendCap", c.roleStipendCap());
        }
        return errors.list;
    }

    private static void evaluation(PolicyDocument.Evaluation e, Errors errors) {
        if (e.rubric() == null || e.rubric().isBlank()) {
            errors.add("evaluation.rubric", "is required");
        }
        errors.range("evaluation.goalSettingDueWeeks", e.goalSettingDueWeeks(), 1, 20);
        if (errors.present("evaluation.formalObservations", e.formalObservations())) {
            errors.range(
                    "evaluation.formalObservations.minimum",
                    e.formalObservations().minimum(),
                    0,
                    10);
            errors.range(
                    "evaluation.formalObservations.minimumMinutes",
                    e.formalObservations().minimumMinutes(),
                    1,
                    240);
        }
        errors.range("evaluation.feedbackDueWorkingDays", e.feedbackDueWorkingDays(), 1, 60);
        errors.present("evaluation.summativeRule", e.summativeRule());
        errors.range("evaluation.minimumStudentGrowthWeight", e.minimumStudentGrowthWeight(), 0, 100);
        if (errors.present("evaluation.weights", e.weights())) {
            var w = e.weights();
            boolean complete = errors.range("evaluation.weights.instructionalQuality", w.instructionalQuality(), 0, 100)
                    & errors.range("evaluation.weights.studentGrowth", w.studentGrowth(), 0, 100)
                    & errors.range("evaluation.weights.professionalRoles", w.professionalRoles(), 0, 100);
            if (complete) {
                int sum = w.instructionalQuality() + w.studentGrowth() + w.professionalRoles();
                if (sum != 100) {
                    errors.add("evaluation.weights", "must add up to 100 (they add up to " + sum + ")");
                }
                if (e.minimumStudentGrowthWeight() != null && w.studentGrowth() < e.minimumStudentGrowthWeight()) {
                    errors.add(
                            "evaluation.weights.studentGrowth",
                            "must be at least the student growth floor of " + e.minimumStudentGrowthWeight() + " %");
                }
            }
        }
        descending(
                "evaluation.effectivenessLevels",
                e.effectivenessLevels(),
                PolicyDocument.EffectivenessLevel::name,
                PolicyDocument.EffectivenessLevel::minimumScore,
                "minimumScore",
                null,
                errors);
    }

    /** Named levels with thresholds from the top down; the last starts at 0. */
    private static <T> void descending(
            String path,
            List<T> levels,
            Function<T, String> name,
            Function<T, BigDecimal> minimum,
            String minimumField,
            BigDecimal max,
            Errors errors) {
        if (!errors.present(path, levels)) {
            return;
        }
        if (levels.size() < 2) {
            errors.add(path, "needs at least two levels");
            return;
        }
        var names = new HashSet<String>();
        BigDecimal previous = null;
        for (int i = 0; i < levels.size(); i++) {
            var level = levels.get(i);
            var at = path + "[" + i + "]";
            if (!errors.present(at, level)) {
                continue;
            }
            var levelName = name.apply(level);
            if (levelName == null || levelName.isBlank()) {
                errors.add(at + ".name", "is required");
            } else if (!names.add(levelName.strip().toLowerCase())) {
                errors.add(at + ".name", "'" + levelName + "' is used twice");
            }
            var threshold = minimum.apply(level);
            var thresholdPath = at + "." + minimumField;
            if (!errors.present(thresholdPath, threshold)) {
                continue;
            }
            if (threshold.signum() < 0 || (max != null && threshold.compareTo(max) > 0)) {
                errors.add(
                        thresholdPath,
                        "must be between 0 and " + (max == null ? "the top of the scale" : max.toPlainString()));
            }
            if (previous != null && threshold.compareTo(previous) >= 0) {
                errors.add(thresholdPath, "must be lower than the level above it (" + previous.toPlainString() + ")");
            }
            previous = threshold;
        }
        if (previous != null && previous.signum() != 0) {
            errors.add(
                    path + "[" + (levels.size() - 1) + "]",
                    "the last level must start at 0, so every score has a level");
        }
    }

    private static final class Errors {
        final List<PolicyError> list = new ArrayList<>();

        void add(String path, String message) {
            list.add(new PolicyError(path, message));
        }

        boolean present(String path, Object value) {
            if (value == null) {
                add(path, "is required");
                return false;
            }
            return true;
        }

        boolean range(String path, Integer value, int min, int max) {
            if (!present(path, value)) {
                return false;
            }
            if (value < min || value > max) {
                add(path, "must be between " + min + " and " + max + " (is " + value + ")");
                return false;
            }
            return true;
        }

        void nonNegative(String path, BigDecimal value) {
            if (present(path, value) && value.signum() < 0) {
                add(path, "must not be negative");
            }
        }
    }

    private PolicyRules() {}
}
