package org.cadre.policy;

import java.time.Instant;

/**
 * One version of a school year's policy.
 *
 * @param id the id results record, so they can always be traced to the policy they were computed under
 * @param sourceText the document as its author wrote it
 */
public record PolicyVersion(
        long id,
        long schoolYearId,
        String schoolYear,
        int version,
        Status status,
        PolicyDocument document,
        String sourceText,
        String note,
        Instant createdAt,
        String createdBy,
        Instant adoptedAt,
        String adoptedBy) {

    /** A draft can still be adopted; an adopted version never changes. */
    public enum Status {
        DRAFT,
        ADOPTED
    }
}
