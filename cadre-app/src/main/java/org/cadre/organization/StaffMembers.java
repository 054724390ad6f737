package org.cadre.organization;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Looks staff up for other capabilities, such as sign-in matching an account to a person by email. */
@Repository
public class StaffMembers {

    private final JdbcClient jdbc;

    StaffMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The active staff member with this email, compared without regard to case. */
    public Optional<Long> idByEmail(String email) {
        return jdbc.sql("select id from organization.staff where lower(email) = lower(?) and active")
                .param(email)
                .query(Long.class)
                .optional();
    }

    /** "Given Family" of a staff member. */
    public Optional<String> nameOf(long staffId) {
        return jdbc.sql("select given_name || ' ' || family_name from organization.staff where id = ?")
                .param(staffId)
                .query(String.class)
                .optional();
    }
}
