package org.cadre.growth;

import java.time.Instant;

/**
 * One growth run of a school year: where it stands while it runs, and what it produced. A year can have many
 * runs; the latest completed one is current, the others stay for audit and appeals.
 *
 * @param year the spring calendar year of the school year, as the scores are keyed
 * @param policyVersionId the policy version whose minimum and growth levels the measures used
 * @param maxOrder the most prior years a percentile conditions on
 */
public record GrowthRun(
        long id,
        long schoolYearId,
        int year,
        long policyVersionId,
        int maxOrder,
        Status status,
        boolean current,
        String startedBy,
        Instant startedAt,
        Instant finishedAt,
        int cohortsTotal,
        int cohortsDone,
        int scores,
        int percentiles,
        String message) {

    public enum Status {
        QUEUED,
        FITTING,
        WRITING,
        COMPLETED,
        FAILED;

        public boolean finished() {
            return this == COMPLETED || this == FAILED;
        }
    }

    public boolean running() {
        return !status.finished();
    }

    /** How far the run is, 0–100: fitting the cohorts is the first 90, writing the results the rest. */
    public int percent() {
        if (status.finished()) {
            return 100;
        }
        if (status == Status.WRITING) {
            return 95;
        }
        return cohortsTotal == 0 ? 0 : (int) Math.min(90, 90L * cohortsDone / cohortsTotal);
    }

    /** Seconds from start to finish, or so far. */
    public long seconds() {
        var end = finishedAt == null ? Instant.now() : finishedAt;
        return Math.max(0, end.getEpochSecond() - startedAt.getEpochSecond());
    }
}
