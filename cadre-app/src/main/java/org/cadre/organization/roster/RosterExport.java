package org.cadre.organization.roster;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the current roster as a OneRoster 1.2 CSV package (bulk files in a zip), streamed straight from
 * PostgreSQL with COPY so that even a state-sized roster never sits in memory. The package is deterministic:
 * rows in sourcedId order, derived sourcedIds for roles and enrollments, no timestamps, fixed zip entry times —
 * so exporting, importing into an empty Cadre and exporting again gives the same bytes. Records Cadre keeps as
 * history (closed campuses, ended classes) carry status {@code tobedeleted}; people who left carry
 * {@code enabledUser=false}.
 */
@Service
public class RosterExport {

    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private static final String NETWORK = "(select source_id from organization.network order by id limit 1)";

    private final DataSource dataSource;

    RosterExport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes the zip; one snapshot for all its files, so they agree even while an import commits meanwhile. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public void write(OutputStream out) {
        var connection = DataSourceUtils.getConnection(dataSource);
        try {
            var zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            entry(zip, OneRosterFile.MANIFEST);
            zip.write(manifest().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (var file : OneRosterFile.values()) {
                entry(zip, file.fileName());
                copy.copyOut("copy (" + query(file) + ") to stdout with (format csv, header)", new Unclosed(zip));
                zip.closeEntry();
            }
            zip.finish();
            zip.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not export the roster: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void entry(ZipOutputStream zip, String name) throws IOException {
        var entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
    }

    static String manifest() {
        var lines = new StringBuilder("propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\n");
        var files = new TreeSet<String>(OneRosterFile.NOT_KEPT);
        for (var file : OneRosterFile.values()) {
            files.add(file.manifestName());
        }
        for (var name : files) {
            var mode = OneRosterFile.byManifestName(name).isPresent() ? "bulk" : "absent";
            lines.append("file.").append(name).append(',').append(mode).append('\n');
        }
        return lines.append("source.systemName,Cadre\nsource.systemCode,cadre\n")
                .toString();
    }

    private static String query(OneRosterFile file) {
        return switch (file) {
            case ORGS -> """
                    select "sourcedId", status, null as "dateLastModified", name, type, identifier, "parentSourcedId",
                           "metadata.cadre.level"
                    from (select 0 as rank, n.source_id as "sourcedId", null as status, n.name, 'district' as type,
                                 null as identifier, null as "parentSourcedId", null as "metadata.cadre.level"
                          from organization.network n
                          union all
                          select 1, r.source_id, case when r.active then null else 'tobedeleted' end, r.name, 'local', null,
                                 %1$s, null
                          from organization.region r
                          union all
                          select 2, c.source_id, case when c.active then null else 'tobedeleted' end, c.name, 'school',
                                 c.campus_number, coalesce(r.source_id, %1$s), c.level
                          from organization.campus c left join organization.region r on r.id = c.region_id) o
                    order by rank, "sourcedId"
                    """.formatted(NETWORK);
            case ACADEMIC_SESSIONS -> """
                    select "sourcedId", null as status, null as "dateLastModified", title, type, "startDate", "endDate",
                           "parentSourcedId", "schoolYear"
                    from (select 0 as rank, y.begins_on as sort, y.source_id as "sourcedId", y.name as title, 'schoolYear' as type,
                                 y.begins_on as "startDate", y.ends_on as "endDate", null as "parentSourcedId",
                                 extract(year from y.ends_on)::int as "schoolYear"
                          from organization.school_year y
                          union all
                          select 1, y.begins_on, t.source_id, t.name, 'term', t.begins_on, t.ends_on, y.source_id,
                                 extract(year from y.ends_on)::int
                          from organization.term t join organization.school_year y on y.id = t.school_year_id) s
                    order by rank, "sourcedId"
                    """;
            case USERS -> """
                    select "sourcedId", null as status, null as "dateLastModified", "enabledUser", username,
                           null as "userIds", "givenName", "familyName", null as "middleName", identifier, email,
                           null as sms, null as phone, null as "agentSourcedIds", grades, null as password,
                           null as "userMasterIdentifier", null as "resourceSourcedIds",
                           null as "preferredGivenName",
                           null as "preferredMiddleName", null as "preferredFamilyName", "primaryOrgSourcedId",
                           null as pronouns, "metadata.cadre.payBand", "metadata.cadre.hireDate"
                    from (select s.source_id as "sourcedId", s.active::text as "enabledUser", s.email as username,
                                 s.given_name as "givenName", s.family_name as "familyName", s.employee_id as identifier,
                                 s.email, null as grades, null as "primaryOrgSourcedId", s.pay_band as "metadata.cadre.payBand",
                                 s.hire_date::text as "metadata.cadre.hireDate"
                          from organization.staff s
                          union all
                          select s.source_id, s.active::text, null, s.given_name, s.family_name, s.student_number, null,
                                 s.grade_level, c.source_id, null, null
                          from organization.student s left join organization.campus c on c.id = s.campus_id) u
                    order by "sourcedId"
                    """;
            case ROLES -> """
                    select "sourcedId", null as status, null as "dateLastModified", "userSourcedId", "roleType", role,
                           "beginDate", "endDate", "orgSourcedId", null as "userProfileSourcedId"
                    from (select s.source_id || '-' || m.oneroster || '-' || coalesce(c.source_id, %1$s) || '-' || y.source_id
                                     as "sourcedId",
                                 s.source_id as "userSourcedId",
                                 case when row_number() over (partition by ra.staff_id, ra.school_year_id
                                                              order by m.rank, c.source_id nulls first) = 1
                                      then 'primary' else 'secondary' end as "roleType",
                                 m.oneroster as role, y.begins_on as "beginDate", y.ends_on as "endDate",
                                 coalesce(c.source_id, %1$s) as "orgSourcedId"
                          from organization.role_assignment ra
                          join organization.staff s on s.id = ra.staff_id
                          join organization.school_year y on y.id = ra.school_year_id
                          left join organization.campus c on c.id = ra.campus_id
                          join (values %2$s) m(role, oneroster, rank) on m.role = ra.role
                          union all
                          select s.source_id || '-student', s.source_id, 'primary', 'student', null, null,
                                 coalesce(c.source_id, %1$s)
                          from organization.student s left join organization.campus c on c.id = s.campus_id) r
                    order by "sourcedId"
                    """.formatted(NETWORK, roleValues());
            case COURSES -> """
                    select co.source_id as "sourcedId", null as status, null as "dateLastModified",
                           y.source_id as "schoolYearSourcedId", co.title, co.code as "courseCode", co.grade_level as grades,
                           %1$s as "orgSourcedId", co.subject as subjects, null as "subjectCodes",
                           co.tested::text as "metadata.cadre.tested"
                    from organization.course co left join organization.school_year y on y.id = co.school_year_id
                    order by co.source_id
                    """.formatted(NETWORK);
            case CLASSES -> """
                    select cs.source_id as "sourcedId", case when cs.active then null else 'tobedeleted' end as status,
                           null as "dateLastModified", cs.title, null as grades, co.source_id as "courseSourcedId",
                           null as "classCode", 'scheduled' as "classType", null as location, c.source_id as "schoolSourcedId",
                           t.source_id as "termSourcedIds", null as subjects, null as "subjectCodes", cs.period as periods
                    from organization.class_section cs
                    join organization.course co on co.id = cs.course_id
                    join organization.campus c on c.id = cs.campus_id
                    join organization.term t on t.id = cs.term_id
                    order by cs.source_id
                    """;
            case ENROLLMENTS -> """
                    select "sourcedId", null as status, null as "dateLastModified", "classSourcedId", "schoolSourcedId",
                           "userSourcedId", role, "primary", "beginDate", "endDate", "metadata.cadre.instructionalWeight"
                    from (select cs.source_id || '-' || st.source_id as "sourcedId", cs.source_id as "classSourcedId",
                                 c.source_id as "schoolSourcedId", st.source_id as "userSourcedId", 'student' as role,
                                 null as "primary", e.begins_on as "beginDate", e.ends_on as "endDate",
                                 null as "metadata.cadre.instructionalWeight"
                          from organization.enrollment e
                          join organization.class_section cs on cs.id = e.class_id
                          join organization.campus c on c.id = cs.campus_id
                          join organization.student st on st.id = e.student_id
                          union all
                          select cs.source_id || '-' || s.source_id, cs.source_id, c.source_id, s.source_id, 'teacher',
                                 t.is_primary::text, t.begins_on, t.ends_on, t.instructional_weight::text
                          from organization.teacher_of_record t
                          join organization.class_section cs on cs.id = t.class_id
                          join organization.campus c on c.id = cs.campus_id
                          join organization.staff s on s.id = t.staff_id) e
                    order by "sourcedId"
                    """;
        };
    }

    private static String roleValues() {
        var seen = new java.util.HashSet<org.cadre.shared.AccessRole>();
        int[] rank = {0};
        return RosterRoles.ALL.stream()
                .filter(m -> seen.add(m.role()))
                .map(m -> "('" + m.role().name() + "', '" + m.oneRoster() + "', " + rank[0]++ + ")")
                .collect(Collectors.joining(", "));
    }

    /** Lets COPY write into a zip entry without closing the zip. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
