package org.cadre.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.cadre.audit.AuditTrail;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.InvalidInputException;
import org.cadre.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for the REST API. A token is 256 random bits; only its SHA-256 is stored (a slow
 * password hash adds nothing for a secret with that much entropy, and would cost every API call).
 */
@Service
public class ApiTokens {

    static final String TOKEN_PREFIX = "cadre_";
    /** The longest a token may be valid, in days. */
    public static final int MAX_DAYS = 366;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a token for the signed-in person, valid for {@code days} days (1 to 366). */
    @Transactional
    public ApiToken.Issued issue(CurrentUser owner, String name, int days) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "give the token a name, so you can recognise it later");
        }
        if (name.length() > 100) {
            throw new InvalidInputException("name", "must be at most 100 characters");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInputException("days", "must be between 1 and " + MAX_DAYS);
        }
        var bytes = new byte[32];
        random.nextBytes(bytes);
        var secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var now = clock.instant();
        var expires = now.plus(Duration.ofDays(days));
        long id = jdbc.sql("""
                        insert into identity.api_token (account_id, name, prefix, token_hash, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        owner.accountId(),
                        name.strip(),
                        secret.substring(0, 12),
                        hash(secret),
                        Timestamp.from(now),
                        Timestamp.from(expires))
                .query(Long.class)
                .single();
        var token = byId(id).orElseThrow();
        audit.created("api-token", id, null, "API token '" + token.name() + "' created", token);
        return new ApiToken.Issued(token, secret);
    }

    public List<ApiToken> of(long accountId) {
        return jdbc.sql("select * from identity.api_token where account_id = ? order by created_at desc, id desc")
                .param(accountId)
                .query(ApiTokens::map)
                .list();
    }

    /** Revokes one of the owner's tokens; someone else's token reads as not found. */
    @Transactional
    public void revoke(CurrentUser owner, long tokenId) {
        var token = byId(tokenId)
                .filter(t -> t.accountId() == owner.accountId())
                .orElseThrow(() -> new NotFoundException("API token", tokenId));
        if (token.revokedAt() != null) {
            return;
        }
        jdbc.sql("update identity.api_token set revoked_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), tokenId)
                .update();
        audit.changed("api-token", tokenId, null, "API token '" + token.name() + "' revoked", token, byId(tokenId));
    }

    /** The account a presented secret belongs to, if the token exists, is not revoked and has not expired. */
    Optional<Long> accountFor(String secret) {
        if (secret == null || !secret.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        var now = clock.instant();
        var token = jdbc.sql("select * from identity.api_token where token_hash = ?")
                .param(hash(secret))
                .query(ApiTokens::map)
                .optional()
                .filter(t -> t.usableAt(now));
        token.ifPresent(t -> jdbc.sql(
                        "update identity.api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                .params(Timestamp.from(now), t.id(), Timestamp.from(now.minusSeconds(60)))
                .update());
        return token.map(ApiToken::accountId);
    }

    private Optional<ApiToken> byId(long id) {
        return jdbc.sql("select * from identity.api_token where id = ?")
                .param(id)
                .query(ApiTokens::map)
                .optional();
    }

    static String hash(String secret) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiToken map(ResultSet rs, int row) throws SQLException {
        return new ApiToken(
                rs.getLong("id"),
                rs.getLong("account_id"),
                rs.getString("name"),
                rs.getString("prefix"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at")));
    }

    private static java.time.Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
