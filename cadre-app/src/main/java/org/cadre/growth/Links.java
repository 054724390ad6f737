package org.cadre.growth;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.cadre.growth.engine.StudentGrowthPercentile;
import org.cadre.organization.TeachersOfRecord;

/**
 * Which teacher of record and campus each student growth percentile counts for: a student's percentile in a
 * subject counts for every teacher of record of a class of that subject the student was enrolled in that year,
 * with the teacher's instructional weight, and once for each campus of those classes.
 */
final class Links {

    private final long[] staff;
    private final int[] percentile;
    private final long[] campus;
    private final int[] hundredths;
    private final int size;

    private Links(long[] staff, int[] percentile, long[] campus, int[] hundredths, int size) {
        this.staff = staff;
        this.percentile = percentile;
        this.campus = campus;
        this.hundredths = hundredths;
        this.size = size;
    }

    /**
     * Every teacher-of-record link of the year's tested subjects, read before the percentiles exist so that the
     * query can run while the engine fits the cohorts.
     */
    static final class Taught {
        private long[] staff = new long[1024];
        private long[] student = new long[1024];
        private int[] subject = new int[1024];
        private long[] campus = new long[1024];
        private int[] hundredths = new int[1024];
        private int size;

        static Taught read(long schoolYearId, TeachersOfRecord teachersOfRecord) {
            var taught = new Taught();
            teachersOfRecord.forEachInYear(schoolYearId, TestedSubjects.ALL, link -> taught.add(link));
            return taught;
        }

        private void add(TeachersOfRecord.Taught link) {
            if (size == staff.length) {
                int capacity = size * 2;
                staff = Arrays.copyOf(staff, capacity);
                student = Arrays.copyOf(student, capacity);
                subject = Arrays.copyOf(subject, capacity);
                campus = Arrays.copyOf(campus, capacity);
                hundredths = Arrays.copyOf(hundredths, capacity);
            }
            staff[size] = link.staffId();
            student[size] = link.studentId();
            subject[size] = TestedSubjects.ALL.indexOf(link.subject());
            campus[size] = link.campusId();
            hundredths[size] = link.instructionalWeight().movePointRight(2).intValueExact();
            size++;
        }

        /** The links of students who have a percentile in the subject. */
        Links of(List<StudentGrowthPercentile> percentiles) {
            var index = new PercentileIndex(percentiles);
            int[] at = new int[size];
            int kept = 0;
            long[] keptStaff = new long[size];
            long[] keptCampus = new long[size];
            int[] keptWeights = new int[size];
            for (int l = 0; l < size; l++) {
                int p = index.find(student[l], subject[l]);
                if (p >= 0) {
                    at[kept] = p;
                    keptStaff[kept] = staff[l];
                    keptCampus[kept] = campus[l];
                    keptWeights[kept] = hundredths[l];
                    kept++;
                }
            }
            return new Links(keptStaff, at, keptCampus, keptWeights, kept);
        }
    }

    int size() {
        return size;
    }

    /** Measures of every teacher and campus with a linked percentile, and of the network, per subject and over all. */
    List<Measure> measures(List<StudentGrowthPercentile> percentiles, GrowthMeasurePolicy policy) {
        var measures = new ArrayList<Measure>();
        var byTeacher = new TreeMap<Long, List<Integer>>();
        var byCampus = new TreeMap<Long, List<Integer>>();
        for (int l = 0; l < size; l++) {
            byTeacher.computeIfAbsent(staff[l], k -> new ArrayList<>()).add(l);
            byCampus.computeIfAbsent(campus[l], k -> new ArrayList<>()).add(l);
        }
        for (var teacher : byTeacher.entrySet()) {
            for (var subject : subjectsAndAll()) {
                var own = teacher.getValue().stream()
                        .filter(l -> subject == null
                                || percentiles.get(percentile[l]).subject().equals(subject))
                        .toList();
                if (own.isEmpty()) {
                    continue;
                }
                int[] sgps = own.stream()
                        .mapToInt(l -> percentiles.get(percentile[l]).sgp())
                        .toArray();
                int[] weights = own.stream().mapToInt(l -> hundredths[l]).toArray();
                long campusId = own.stream()
                        .map(l -> campus[l])
                        .collect(Collectors.groupingBy(c -> c, Collectors.counting()))
                        .entrySet()
                        .stream()
                        .max(Map.Entry.<Long, Long>comparingByValue()
                                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                        .orElseThrow()
                        .getKey();
                measures.add(policy.measure(
                        Measure.Scope.TEACHER, teacher.getKey(), campusId, label(subject), sgps, weights));
            }
        }
        for (var campusLinks : byCampus.entrySet()) {
            int[] distinct = campusLinks.getValue().stream()
                    .mapToInt(l -> percentile[l])
                    .distinct()
                    .toArray();
            for (var subject : subjectsAndAll()) {
                int[] sgps = Arrays.stream(distinct)
                        .filter(p ->
                                subject == null || percentiles.get(p).subject().equals(subject))
                        .map(p -> percentiles.get(p).sgp())
                        .toArray();
                if (sgps.length > 0) {
                    measures.add(policy.measure(
                            Measure.Scope.CAMPUS,
                            null,
                            campusLinks.getKey(),
                            label(subject),
                            sgps,
                            equalWeights(sgps.length)));
                }
            }
        }
        for (var subject : subjectsAndAll()) {
            int[] sgps = percentiles.stream()
                    .filter(p -> subject == null || p.subject().equals(subject))
                    .mapToInt(StudentGrowthPercentile::sgp)
                    .toArray();
            if (sgps.length > 0) {
                measures.add(policy.measure(
                        Measure.Scope.NETWORK, null, null, label(subject), sgps, equalWeights(sgps.length)));
            }
        }
        return measures;
    }

    /** Writes the links of the run, so a teacher's students can be listed and checked later. */
    void write(long runId, GrowthRuns.Copy copy, List<StudentGrowthPercentile> percentiles) {
        var table = "growth.teacher_student (run_id, staff_id, student_id, subject, campus_id, weight)";
        for (int l = 0; l < size; l++) {
            var p = percentiles.get(percentile[l]);
            copy.row(runId, staff[l], p.studentId(), p.subject(), campus[l], BigDecimal.valueOf(hundredths[l], 2));
            copy.flushIfLarge(table);
        }
        copy.into(table);
    }

    private static List<String> subjectsAndAll() {
        var subjects = new ArrayList<String>(TestedSubjects.ALL);
        subjects.add(null);
        return subjects;
    }

    private static String label(String subject) {
        return subject == null ? Measure.ALL_SUBJECTS : subject;
    }

    private static int[] equalWeights(int n) {
        int[] weights = new int[n];
        Arrays.fill(weights, 100);
        return weights;
    }

    /** Finds a student's percentile in a subject by binary search over (student, subject). */
    private static final class PercentileIndex {
        private final long[] keys;
        private final int[] positions;

        PercentileIndex(List<StudentGrowthPercentile> percentiles) {
            int n = percentiles.size();
            long[] raw = new long[n];
            for (int i = 0; i < n; i++) {
                var p = percentiles.get(i);
                raw[i] = ScoreRows.key(Long.parseLong(p.studentId()), TestedSubjects.ALL.indexOf(p.subject()));
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingLong(i -> raw[i]));
            keys = new long[n];
            positions = new int[n];
            for (int i = 0; i < n; i++) {
                keys[i] = raw[order[i]];
                positions[i] = order[i];
            }
        }

        int find(long studentId, int subject) {
            if (subject < 0) {
                return -1;
            }
            int at = Arrays.binarySearch(keys, ScoreRows.key(studentId, subject));
            return at < 0 ? -1 : positions[at];
        }
    }
}
