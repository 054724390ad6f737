package org.cadre.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cadre.shared.ConflictException;
import org.cadre.shared.PageRequest;
import org.cadre.shared.PageResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sign-in accounts. */
@Repository
public class Accounts {

    private static final String COLUMNS =
            "id, email, display_name, password_hash, staff_id, system_admin, active, failed_sign_ins, locked_until, last_sign_in_at, created_at, version";

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account with this email, compared without regard to case. */
    public Optional<Account> byEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from identity.account where lower(email) = lower(?)")
                .param(email)
                .query(Accounts::map)
                .optional();
    }

    /** One account. */
    public Optional<Account> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from identity.account where id = ?")
                .param(id)
                .query(Accounts::map)
                .optional();
    }

    /** The account that belongs to a staff member, if any. */
    public Optional<Account> byStaff(long staffId) {
        return jdbc.sql("select " + COLUMNS + " from identity.account where staff_id = ? order by id limit 1")
                .param(staffId)
                .query(Accounts::map)
                .optional();
    }

    /** Accounts whose email or display name contains {@code text} (all if blank), by display name. */
    public PageResponse<Account> search(String text, PageRequest page) {
        var pattern = containing(text);
        long total = jdbc.sql(
                        "select count(*) from identity.account where lower(email) like ? or lower(display_name) like ?")
                .params(pattern, pattern)
                .query(Long.class)
                .single();
        List<Account> items = jdbc.sql("select " + COLUMNS
                        + " from identity.account where lower(email) like ? or lower(display_name) like ?"
                        + " order by lower(display_name), id limit ? offset ?")
                .params(pattern, pattern, page.size(), page.offset())
                .query(Accounts::map)
                .list();
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    long insert(String email, String displayName, String passwordHash, Long staffId, boolean systemAdmin) {
        if (byEmail(email).isPresent()) {
            throw new ConflictException("An account with the email " + email + " already exists");
        }
        return jdbc.sql("""
                        insert into identity.account (email, display_name, password_hash, staff_id, system_admin)
                        values (?, ?, ?, ?, ?) returning id
                        """)
                .params(email, displayName, passwordHash, staffId, systemAdmin)
                .query(Long.class)
                .single();
    }

    /** Applies a change only if nobody changed the account since {@code expectedVersion} was read. */
    void update(Account account, int expectedVersion) {
        int rows = jdbc.sql("""
                        update identity.account
                        set display_name = ?, password_hash = ?, active = ?, failed_sign_ins = ?, locked_until = ?,
                            version = version + 1
                        where id = ? and version = ?
                        """)
                .params(
                        account.displayName(),
                        account.passwordHash(),
                        account.active(),
                        account.failedSignIns(),
                        ts(account.lockedUntil()),
                        account.id(),
                        expectedVersion)
                .update();
        if (rows == 0) {
            throw new ConflictException("The account " + account.email()
                    + " was changed by someone else in the meantime; reload it and try again");
        }
    }

    /**
     * Counts a failed sign-in and locks the account when the count reaches {@code maxFailures}. Once a lock has
     * passed, counting starts again from one, so the person gets the full number of tries back rather than being
     * locked again by their first typo.
     */
    void recordFailedSignIn(long id, int maxFailures, Instant now, Instant lockUntil) {
        jdbc.sql("""
                        update identity.account
                        set failed_sign_ins = case when locked_until <= ? then 1 else failed_sign_ins + 1 end,
                            locked_until = case
                                when (case when locked_until <= ? then 1 else failed_sign_ins + 1 end) >= ? then ?
                                when locked_until <= ? then null
                                else locked_until end
                        where id = ?
                        """)
                .params(ts(now), ts(now), maxFailures, ts(lockUntil), ts(now), id)
                .update();
    }

    void recordSuccessfulSignIn(long id, Instant at) {
        jdbc.sql(
                        "update identity.account set failed_sign_ins = 0, locked_until = null, last_sign_in_at = ? where id = ?")
                .params(ts(at), id)
                .update();
    }

    /** A LIKE pattern matching {@code text} anywhere, with LIKE's own wildcards in the text taken literally. */
    private static String containing(String text) {
        if (text == null || text.isBlank()) {
            return "%";
        }
        var literal = text.strip()
                .toLowerCase()
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + literal + "%";
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                (Long) rs.getObject("staff_id"),
                rs.getBoolean("system_admin"),
                rs.getBoolean("active"),
                rs.getInt("failed_sign_ins"),
                instant(rs, "locked_until"),
                instant(rs, "last_sign_in_at"),
                instant(rs, "created_at"),
                rs.getInt("version"));
    }
}
