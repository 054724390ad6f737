package org.cadre.identity;

import java.time.Instant;

/**
 * A sign-in account. It belongs to a staff member (matched by email) or, for a system administrator, to no
 * one. The password hash is never shown or logged.
 */
public record Account(
        long id,
        String email,
        String displayName,
        String passwordHash,
        Long staffId,
        boolean systemAdmin,
        boolean active,
        int failedSignIns,
        Instant lockedUntil,
        Instant lastSignInAt,
        Instant createdAt,
        int version) {

    Account withPassword(String hash) {
        return new Account(
                id, email, displayName, hash, staffId, systemAdmin, active, 0, null, lastSignInAt, createdAt, version);
    }

    Account withActive(boolean value) {
        return new Account(
                id,
                email,
                displayName,
                passwordHash,
                staffId,
                systemAdmin,
                value,
                failedSignIns,
                lockedUntil,
                lastSignInAt,
                createdAt,
                version);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    /** What the audit trail records of an account: everything but the secret. */
    public AccountState auditState() {
        return new AccountState(id, email, displayName, staffId, systemAdmin, active, hasPassword());
    }

    public record AccountState(
            long id,
            String email,
            String displayName,
            Long staffId,
            boolean systemAdmin,
            boolean active,
            boolean hasPassword) {}
}
