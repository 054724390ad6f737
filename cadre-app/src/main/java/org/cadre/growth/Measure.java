package org.cadre.growth;

/**
 * A growth measure of a teacher of record, a campus or the network in one subject, or over all subjects
 * ({@link #ALL_SUBJECTS}).
 *
 * @param staffId the teacher, for a teacher's measure
 * @param campusId the campus, for a campus's measure
 * @param students how many student percentiles count (a student counts once per subject)
 * @param weight the sum of the students' instructional weights (the number of students for campuses and the
 *     network)
 * @param mgp the median growth percentile (R's median)
 * @param weightedMgp the median weighted by instructional weight; equal to {@code mgp} for campuses and the
 *     network
 * @param standardError of the mean SGP, sd / sqrt(n); null for fewer than two students
 * @param reported whether the measure has the policy's minimum number of students
 * @param growthLevel the policy's level reached by the weighted MGP, null when not reported
 */
public record Measure(
        Scope scope,
        Long staffId,
        Long campusId,
        String name,
        String subject,
        int students,
        double weight,
        double mgp,
        double weightedMgp,
        double meanSgp,
        Double standardError,
        boolean reported,
        String growthLevel) {

    public static final String ALL_SUBJECTS = "All";

    public enum Scope {
        TEACHER,
        CAMPUS,
        NETWORK
    }
}
