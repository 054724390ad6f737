package org.cadre.growth;

import java.time.Instant;

/**
 * One import of an assessment results file and what it did. An import with errors wrote nothing.
 *
 * @param created scores that were new
 * @param updated scores whose grade, scale score or achievement level changed
 * @param unchanged scores that were there already, exactly so
 */
public record AssessmentImport(
        long id,
        String startedBy,
        Instant startedAt,
        Instant finishedAt,
        String fileName,
        Status status,
        int rowsRead,
        int created,
        int updated,
        int unchanged,
        int errors,
        String message) {

    public enum Status {
        RUNNING,
        IMPORTED,
        REJECTED,
        FAILED
    }

    /** An error of an import, at a line (1 is the header) and column of the file. */
    public record Issue(int seq, Long line, String column, String value, String reason) {}
}
