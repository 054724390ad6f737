package org.cadre.audit;

import java.time.LocalDate;

/**
 * A filter over the audit trail; null fields do not filter.
 *
 * @param entityType only this kind of record
 * @param entityId only this record
 * @param actor actor name or email contains this text
 * @param action only this action
 * @param from on or after this day (UTC)
 * @param to on or before this day (UTC)
 */
public record AuditQuery(
        String entityType, String entityId, String actor, AuditAction action, LocalDate from, LocalDate to) {

    public static AuditQuery everything() {
        return new AuditQuery(null, null, null, null, null, null);
    }
}
