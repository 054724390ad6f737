/**
 * Owns the audit trail: an append-only record of who created, changed or deleted which domain data, when,
 * with the state before and after. Every other capability records its changes through {@link
 * org.cadre.audit.AuditTrail}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"shared"})
package org.cadre.audit;
