package org.cadre.organization;

import java.util.HashSet;
import java.util.Set;
import org.cadre.shared.AccessRole;
import org.cadre.shared.Grant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The roles staff hold per school year, which is what access control is derived from. */
@Repository
public class RoleAssignments {

    private final JdbcClient jdbc;

    RoleAssignments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The roles a staff member holds in the current school year; nothing if they are inactive. */
    public Set<Grant> currentGrantsOf(long staffId) {
        var grants = new HashSet<Grant>();
        jdbc.sql("""
                        select ra.role, ra.campus_id
                        from organization.role_assignment ra
                        join organization.school_year y on y.id = ra.school_year_id and y.is_current
                        join organization.staff s on s.id = ra.staff_id and s.active
                        where ra.staff_id = ?
                        """).param(staffId).query(rs -> {
            var role = AccessRole.valueOf(rs.getString("role"));
            var campus = (Long) rs.getObject("campus_id");
            grants.add(new Grant(role, role.networkWide() ? null : campus));
        });
        return grants;
    }
}
