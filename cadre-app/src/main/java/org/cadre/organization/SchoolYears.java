package org.cadre.organization;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The network's school years. */
@Repository
public class SchoolYears {

    private final JdbcClient jdbc;

    SchoolYears(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The year Cadre works in by default; empty before any roster is loaded. */
    public Optional<SchoolYear> current() {
        return jdbc.sql(
                        "select id, source_id, name, begins_on, ends_on, is_current as \"current\" from organization.school_year where is_current")
                .query(SchoolYear.class)
                .optional();
    }

    public List<SchoolYear> all() {
        return jdbc.sql(
                        "select id, source_id, name, begins_on, ends_on, is_current as \"current\" from organization.school_year order by begins_on desc")
                .query(SchoolYear.class)
                .list();
    }
}
