package org.cadre.organization;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The network's school years. */
@Repository
public class SchoolYears {

    private final JdbcClient jdbc;
    private final ReferenceData referenceData;

    SchoolYears(JdbcClient jdbc, ReferenceData referenceData) {
        this.jdbc = jdbc;
        this.referenceData = referenceData;
    }

    /** The year Cadre works in by default; empty before any roster is loaded. */
    public Optional<SchoolYear> current() {
        return referenceData.currentYear();
    }

    public List<SchoolYear> all() {
        return jdbc.sql(
                        "select id, source_id, name, begins_on, ends_on, is_current from organization.school_year order by begins_on desc")
                .query(Rows.SCHOOL_YEAR)
                .list();
    }
}
