package org.cadre.identity;

import java.time.Instant;
import org.cadre.shared.ConflictException;

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

    /** The account with a new password; a new password also lifts a lock from failed sign-ins. */
    Account withPassword(String hash) {
        return new Account(
                id, email, displayName, hash, staffId, systemAdmin, active, 0, null, lastSignInAt, createdAt, version);
    }

    /** The account closed for sign-in and API tokens; refused if it already is. */
    Account deactivated() {
        if (!active) {
            throw new ConflictException("The account " + email + " is already deactivated");
        }
        return withActive(false);
    }

    /** The account open again, with a clean slate of failed sign-ins; refused if it is already active. */
    Account reactivated() {
        if (active) {
            throw new ConflictException("The account " + email + " is already active");
        }
        return new Account(
                id,
                email,
                displayName,
                passwordHash,
                staffId,
                systemAdmin,
                true,
                0,
                null,
                lastSignInAt,
                createdAt,
                version);
    }

    private Account withActive(boolean value) {
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

    /** Whether failed sign-ins have locked the account at {@code now}. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Whether the account can sign in with a password (otherwise only through an identity provider). */
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
