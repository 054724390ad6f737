package org.cadre.growth.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cadre.growth.engine.quantreg.DesignMatrix;
import org.cadre.growth.engine.quantreg.Parallel;
import org.cadre.growth.engine.quantreg.QuantileProcess;
import org.cadre.growth.engine.quantreg.QuantileRegression;
import org.cadre.growth.engine.quantreg.SingularDesignException;
import org.cadre.growth.engine.spline.BSplineBasis;

/**
 * Student growth percentiles by the method of the R package SGP (Betebenner): for each subject,
 * current grade, year and number of prior years, 100 quantile regressions of the current score on
 * B-spline bases of the prior scores; a student's percentile is where their actual score falls
 * among their 100 predicted quantiles, taken from the most prior years they have.
 */
public final class GrowthPercentiles {

    private GrowthPercentiles() {}

    /**
     * Calculates the growth percentiles of {@code settings.year()}.
     *
     * @throws IllegalArgumentException when a student has two scores for the same subject and year
     */
    public static GrowthResult calculate(ScoreTable table, GrowthSettings settings) {
        List<int[]> duplicates = table.duplicates();
        if (!duplicates.isEmpty()) {
            int[] first = duplicates.get(0);
            throw new IllegalArgumentException("student " + table.studentId(first[1]) + " has two "
                    + table.subject(first[1]) + " scores in " + table.year(first[1]));
        }
        Map<SubjectGrade, KnotsAndBoundaries> knots = knots(table, settings);
        BSplineBasis[][] bases = bases(table, knots);
        Students students = Students.find(table, settings.year(), settings.maxOrder());

        List<Map.Entry<Cohort, int[]>> cohorts = cohorts(table, students, settings.year());
        byte[] percentiles = new byte[students.count() * settings.maxOrder()];
        List<CohortFit> fits = new ArrayList<>();
        int index = 0;
        for (Map.Entry<Cohort, int[]> entry : cohorts) {
            Cohort cohort = entry.getKey();
            settings.progress().starting(++index, cohorts.size(), cohort);
            long started = System.nanoTime();
            CohortFit fit = fit(table, students, bases, cohort, entry.getValue(), settings, percentiles);
            fits.add(fit);
            settings.progress().finished(index, cohorts.size(), fit, Duration.ofNanos(System.nanoTime() - started));
        }
        return new GrowthResult(percentiles(table, students, settings, percentiles), fits, knots);
    }

    private static CohortFit fit(
            ScoreTable table,
            Students students,
            BSplineBasis[][] bases,
            Cohort cohort,
            int[] members,
            GrowthSettings settings,
            byte[] percentiles) {
        int columns = 1 + BSplineBasis.COLUMNS * cohort.order();
        if (members.length <= columns) {
            return CohortFit.skipped(cohort, "only " + members.length + " students for " + columns + " coefficients");
        }
        DesignMatrix design = design(table, students, bases, members, cohort.order(), settings.threads());
        double[] current = new double[members.length];
        for (int i = 0; i < members.length; i++) {
            current[i] = table.scaleScore(students.currentRow(members[i]));
        }
        QuantileProcess process;
        try {
            process = QuantileRegression.fit(design, current, GrowthPercentileRule.TAUS, settings.threads());
        } catch (SingularDesignException e) {
            return CohortFit.skipped(cohort, e.getMessage());
        }
        assignPercentiles(design, current, process, members, cohort.order(), settings, percentiles);
        return CohortFit.fitted(cohort, process);
    }

    private static Map<SubjectGrade, KnotsAndBoundaries> knots(ScoreTable table, GrowthSettings settings) {
        int grades = table.grades().size();
        int pairs = table.subjects().size() * grades;
        int[] counts = new int[pairs];
        for (int r = 0; r < table.rows(); r++) {
            counts[table.subjectIndex(r) * grades + table.gradeIndex(r)]++;
        }
        double[][] scores = new double[pairs][];
        for (int k = 0; k < pairs; k++) {
            scores[k] = new double[counts[k]];
        }
        int[] filled = new int[pairs];
        for (int r = 0; r < table.rows(); r++) {
            int k = table.subjectIndex(r) * grades + table.gradeIndex(r);
            scores[k][filled[k]++] = table.scaleScore(r);
        }
        Map<SubjectGrade, KnotsAndBoundaries> knots = new HashMap<>();
        for (int k = 0; k < pairs; k++) {
            if (counts[k] == 0) {
                continue;
            }
            SubjectGrade key = new SubjectGrade(
                    table.subjects().name(k / grades), table.grades().name(k % grades));
            KnotsAndBoundaries fixed = settings.fixedKnots().get(key);
            knots.put(key, fixed != null ? fixed : fromScoresOrFlat(scores[k]));
        }
        return knots;
    }

    /** A subject and grade whose scores are all equal cannot have boundaries; widen by one. */
    private static KnotsAndBoundaries fromScoresOrFlat(double[] scores) {
        double min = Arrays.stream(scores).min().orElseThrow();
        double max = Arrays.stream(scores).max().orElseThrow();
        if (min == max) {
            return new KnotsAndBoundaries(new double[] {min, min, min, min}, min - 1, max + 1);
        }
        return KnotsAndBoundaries.fromScores(scores);
    }

    private static BSplineBasis[][] bases(ScoreTable table, Map<SubjectGrade, KnotsAndBoundaries> knots) {
        BSplineBasis[][] bases =
                new BSplineBasis[table.subjects().size()][table.grades().size()];
        for (int s = 0; s < bases.length; s++) {
            for (int g = 0; g < bases[s].length; g++) {
                KnotsAndBoundaries k = knots.get(new SubjectGrade(
                        table.subjects().name(s), table.grades().name(g)));
                bases[s][g] = k == null ? null : k.basis();
            }
        }
        return bases;
    }

    private static List<Map.Entry<Cohort, int[]>> cohorts(ScoreTable table, Students students, int year) {
        Map<List<Integer>, IntList> groups = new HashMap<>();
        for (int e = 0; e < students.count(); e++) {
            int row = students.currentRow(e);
            List<Integer> key = new ArrayList<>();
            key.add(table.subjectIndex(row));
            key.add(table.gradeIndex(row));
            for (int k = 0; k < students.priorCount(e); k++) {
                key.add(table.gradeIndex(students.priorRow(e, k)));
                groups.computeIfAbsent(List.copyOf(key), ignored -> new IntList())
                        .add(e);
            }
        }
        List<Map.Entry<Cohort, int[]>> cohorts = new ArrayList<>();
        for (Map.Entry<List<Integer>, IntList> group : groups.entrySet()) {
            List<Integer> key = group.getKey();
            List<String> priorGrades = new ArrayList<>();
            for (int k = 2; k < key.size(); k++) {
                priorGrades.add(table.grades().name(key.get(k)));
            }
            int[] members = group.getValue().toArray();
            Cohort cohort = new Cohort(
                    table.subjects().name(key.get(0)),
                    table.grades().name(key.get(1)),
                    year,
                    priorGrades,
                    members.length);
            cohorts.add(Map.entry(cohort, members));
        }
        cohorts.sort(Map.Entry.comparingByKey(COHORT_ORDER));
        return cohorts;
    }

    private static final Comparator<String> LABELS = (left, right) -> {
        boolean leftNumeric = left.matches("\\d+");
        boolean rightNumeric = right.matches("\\d+");
        if (leftNumeric && rightNumeric) {
            return Integer.compare(Integer.parseInt(left), Integer.parseInt(right));
        }
        if (leftNumeric != rightNumeric) {
            return leftNumeric ? 1 : -1;
        }
        return left.compareTo(right);
    };

    private static final Comparator<Cohort> COHORT_ORDER = Comparator.comparing(Cohort::subject)
            .thenComparing(Cohort::grade, LABELS)
            .thenComparing((left, right) -> {
                int common = Math.min(left.order(), right.order());
                for (int k = 0; k < common; k++) {
                    int byGrade = LABELS.compare(
                            left.priorGrades().get(k), right.priorGrades().get(k));
                    if (byGrade != 0) {
                        return byGrade;
                    }
                }
                return Integer.compare(left.order(), right.order());
            });

    private static DesignMatrix design(
            ScoreTable table, Students students, BSplineBasis[][] bases, int[] members, int order, int threads) {
        int columns = 1 + BSplineBasis.COLUMNS * order;
        double[] values = new double[members.length * columns];
        Parallel.forBlocks(threads, members.length, (block, from, to) -> {
            for (int i = from; i < to; i++) {
                int e = members[i];
                int offset = i * columns;
                values[offset] = 1;
                for (int k = 0; k < order; k++) {
                    int prior = students.priorRow(e, k);
                    bases[table.subjectIndex(prior)][table.gradeIndex(prior)].evaluate(
                            table.scaleScore(prior), values, offset + 1 + k * BSplineBasis.COLUMNS);
                }
            }
        });
        return new DesignMatrix(members.length, columns, values);
    }

    private static void assignPercentiles(
            DesignMatrix design,
            double[] current,
            QuantileProcess process,
            int[] members,
            int order,
            GrowthSettings settings,
            byte[] percentiles) {
        int p = design.columns();
        int levels = process.taus().length;
        // Coefficients by column then level, so each row updates all predictions in one sweep.
        double[] byColumn = new double[p * levels];
        for (int t = 0; t < levels; t++) {
            for (int j = 0; j < p; j++) {
                byColumn[j * levels + t] = process.coefficients()[t][j];
            }
        }
        double[] x = design.values();
        int maxOrder = settings.maxOrder();
        Parallel.forBlocks(settings.threads(), members.length, (block, from, to) -> {
            double[] predicted = new double[levels];
            for (int i = from; i < to; i++) {
                Arrays.fill(predicted, 0);
                int row = i * p;
                for (int j = 0; j < p; j++) {
                    double xij = x[row + j];
                    if (xij == 0) {
                        // B-spline rows are mostly zeros; skipping them skips 100 products each.
                        continue;
                    }
                    int base = j * levels;
                    for (int t = 0; t < levels; t++) {
                        predicted[t] += xij * byColumn[base + t];
                    }
                }
                percentiles[members[i] * maxOrder + order - 1] =
                        (byte) GrowthPercentileRule.percentile(predicted, current[i]);
            }
        });
    }

    private static List<StudentGrowthPercentile> percentiles(
            ScoreTable table, Students students, GrowthSettings settings, byte[] percentiles) {
        List<StudentGrowthPercentile> result = new ArrayList<>();
        int maxOrder = settings.maxOrder();
        for (int e = 0; e < students.count(); e++) {
            for (int order = students.priorCount(e); order >= 1; order--) {
                int sgp = percentiles[e * maxOrder + order - 1];
                if (sgp > 0) {
                    int row = students.currentRow(e);
                    result.add(new StudentGrowthPercentile(
                            table.studentId(row), table.subject(row), table.year(row), table.grade(row), sgp, order));
                    break;
                }
            }
        }
        return result;
    }

    /**
     * Every student and subject with a score in the year, with the rows of their consecutive
     * prior-year scores in that subject (most recent first, at most the maximum order).
     */
    private record Students(int[] current, int[] priors, int[] priorCounts, int maxOrder) {

        static Students find(ScoreTable table, int year, int maxOrder) {
            int[][] byStudent = table.rowsByStudent();
            IntList current = new IntList();
            IntList priors = new IntList();
            IntList counts = new IntList();
            int[] scratch = new int[maxOrder];
            // Row order keeps the output in the order of the input's current-year rows.
            int[] studentOf = new int[table.rows()];
            for (int s = 0; s < byStudent.length; s++) {
                for (int row : byStudent[s]) {
                    studentOf[row] = s;
                }
            }
            for (int row = 0; row < table.rows(); row++) {
                if (table.year(row) != year) {
                    continue;
                }
                int[] own = byStudent[studentOf[row]];
                int found = 0;
                for (int k = 1; k <= maxOrder; k++) {
                    int prior = find(table, own, table.subjectIndex(row), year - k);
                    if (prior < 0) {
                        break;
                    }
                    scratch[found++] = prior;
                }
                current.add(row);
                counts.add(found);
                for (int k = 0; k < maxOrder; k++) {
                    priors.add(k < found ? scratch[k] : -1);
                }
            }
            return new Students(current.toArray(), priors.toArray(), counts.toArray(), maxOrder);
        }

        private static int find(ScoreTable table, int[] rows, int subject, int year) {
            for (int row : rows) {
                if (table.subjectIndex(row) == subject && table.year(row) == year) {
                    return row;
                }
            }
            return -1;
        }

        int count() {
            return current.length;
        }

        int currentRow(int e) {
            return current[e];
        }

        int priorCount(int e) {
            return priorCounts[e];
        }

        int priorRow(int e, int k) {
            return priors[e * maxOrder + k];
        }
    }

    /** A growable int array; cohorts of a million students should not box. */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
