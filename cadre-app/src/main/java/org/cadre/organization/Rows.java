package org.cadre.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Row mappers for the records nearly every page reads. Written out rather than derived by reflection per row
 * ({@code query(Record.class)}), which showed up as a tenth of a page's CPU in profiles.
 */
final class Rows {

    static final RowMapper<Campus> CAMPUS = (rs, n) -> new Campus(
            rs.getLong("id"),
            rs.getString("source_id"),
            rs.getString("name"),
            rs.getString("campus_number"),
            rs.getString("level"),
            nullableLong(rs, "region_id"),
            rs.getString("region_name"),
            rs.getBoolean("active"));

    static final RowMapper<SchoolYear> SCHOOL_YEAR = (rs, n) -> new SchoolYear(
            rs.getLong("id"),
            rs.getString("source_id"),
            rs.getString("name"),
            rs.getObject("begins_on", LocalDate.class),
            rs.getObject("ends_on", LocalDate.class),
            rs.getBoolean("is_current"));

    static final RowMapper<RoleHeld> ROLE_HELD = (rs, n) -> new RoleHeld(
            org.cadre.shared.AccessRole.valueOf(rs.getString("role")),
            rs.getString("school_year"),
            nullableLong(rs, "campus_id"),
            rs.getString("campus_name"));

    static final RowMapper<ClassSummary> CLASS_SUMMARY = (rs, n) -> new ClassSummary(
            rs.getLong("id"),
            rs.getString("title"),
            rs.getString("course_code"),
            rs.getString("subject"),
            rs.getString("campus_name"),
            rs.getLong("campus_id"),
            rs.getString("term_name"),
            rs.getBigDecimal("instructional_weight"),
            rs.getBoolean("primary_teacher"),
            rs.getLong("students"));

    /** A directory line from a row of staff columns, with the roles line given. */
    static StaffSummary staffSummary(ResultSet rs, String roles) throws SQLException {
        return new StaffSummary(
                rs.getLong("id"),
                rs.getString("employee_id"),
                rs.getString("given_name"),
                rs.getString("family_name"),
                rs.getString("email"),
                rs.getString("pay_band"),
                rs.getBoolean("active"),
                roles);
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private Rows() {}
}
