package org.cadre.audit;

import java.time.Instant;

/**
 * One recorded change.
 *
 * @param beforeState JSON of the state before the change, null for a creation
 * @param afterState JSON of the state after the change, null for a deletion
 */
public record AuditEntry(
        long id,
        Instant occurredAt,
        Long actorId,
        String actorName,
        AuditAction action,
        String entityType,
        String entityId,
        Long campusId,
        String summary,
        String beforeState,
        String afterState) {}
