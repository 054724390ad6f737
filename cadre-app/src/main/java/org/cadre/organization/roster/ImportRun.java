package org.cadre.organization.roster;

import java.time.Instant;
import java.util.Map;

/**
 * One roster import (or preview) as its page and the API show it: who started it and when, where it stands,
 * its progress while it runs, and per file what it did.
 */
public record ImportRun(
        long id,
        String startedBy,
        Instant startedAt,
        Instant finishedAt,
        String packageName,
        boolean preview,
        Status status,
        long bytesTotal,
        long bytesRead,
        long rowsValidated,
        long rowsWritten,
        long rowsToWrite,
        int errors,
        int warnings,
        String message,
        Map<String, Map<String, Object>> counts) {

    public enum Status {
        QUEUED,
        VALIDATING,
        WRITING,
        IMPORTED,
        PREVIEWED,
        REJECTED,
        FAILED;

        public boolean finished() {
            return this == IMPORTED || this == PREVIEWED || this == REJECTED || this == FAILED;
        }
    }

    public boolean running() {
        return !status.finished();
    }

    /** How far the run is, 0–100: reading the package is the first half, writing the second. */
    public int percent() {
        if (status.finished()) {
            return 100;
        }
        if (status == Status.WRITING) {
            return 50 + (int) Math.min(49, rowsToWrite == 0 ? 0 : 50 * rowsWritten / rowsToWrite);
        }
        return bytesTotal == 0 ? 0 : (int) Math.min(49, 50 * bytesRead / bytesTotal);
    }

    /** One error or warning of a run's report. */
    public record Issue(int seq, String severity, String file, Long line, String column, String value, String reason) {}
}
