package org.cadre.identity.web;

import java.time.Instant;
import org.cadre.identity.Account;

/**
 * An account as the REST API and the pages show it: never the password hash.
 *
 * @param hasPassword whether the account can sign in with a password (otherwise through an identity provider)
 * @param locked whether failed sign-ins have locked it for now
 * @param version the version to send back with a change
 */
public record AccountView(
        long id,
        String email,
        String displayName,
        Long staffId,
        boolean systemAdmin,
        boolean active,
        boolean hasPassword,
        boolean locked,
        Instant lockedUntil,
        Instant lastSignInAt,
        Instant createdAt,
        int version) {

    static AccountView of(Account account, Instant now) {
        var locked = account.lockedAt(now);
        return new AccountView(
                account.id(),
                account.email(),
                account.displayName(),
                account.staffId(),
                account.systemAdmin(),
                account.active(),
                account.hasPassword(),
                locked,
                locked ? account.lockedUntil() : null,
                account.lastSignInAt(),
                account.createdAt(),
                account.version());
    }
}
