package org.cadre.audit;

/** What happened to the audited thing. */
public enum AuditAction {
    CREATE,
    UPDATE,
    DELETE
}
