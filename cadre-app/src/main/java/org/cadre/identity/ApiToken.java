package org.cadre.identity;

import java.time.Instant;

/**
 * A personal API token as its owner sees it later: never the secret, only its first characters.
 *
 * @param prefix the first characters of the token, to recognise it by
 */
public record ApiToken(
        long id,
        long accountId,
        String name,
        String prefix,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    /** A token just created: the secret is shown this once and then only its hash is kept. */
    public record Issued(ApiToken token, String secret) {}
}
