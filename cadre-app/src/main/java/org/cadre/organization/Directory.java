package org.cadre.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cadre.shared.AccessRole;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.ForbiddenException;
import org.cadre.shared.NotFoundException;
import org.cadre.shared.PageRequest;
import org.cadre.shared.PageResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The people directory and campus list, filtered by what the signed-in person may see ({@link
 * DirectoryAccess}). A record outside their reach reads as not found, so ids cannot be probed.
 */
@Service
public class Directory {

    private final JdbcClient jdbc;
    private final ReferenceData referenceData;

    Directory(JdbcClient jdbc, ReferenceData referenceData) {
        this.jdbc = jdbc;
        this.referenceData = referenceData;
    }

    /** Every campus, by name. */
    public List<Campus> campuses() {
        return referenceData.campuses();
    }

    public Optional<Campus> campus(long id) {
        return referenceData.campuses().stream().filter(c -> c.id() == id).findFirst();
    }

    /**
     * How big the network is. Counting every student on each visit of an administrator's home page is wasteful,
     * so the figures are kept for {@link #COUNTS_KEPT_FOR} and may lag that much behind an import.
     */
    public NetworkCounts counts() {
        var kept = keptCounts;
        if (kept != null && kept.countedAt().plus(COUNTS_KEPT_FOR).isAfter(java.time.Instant.now())) {
            return kept.counts();
        }
        var fresh = countNow();
        keptCounts = new KeptCounts(fresh, java.time.Instant.now());
        return fresh;
    }

    static final java.time.Duration COUNTS_KEPT_FOR = java.time.Duration.ofSeconds(30);

    private record KeptCounts(NetworkCounts counts, java.time.Instant countedAt) {}

    private volatile KeptCounts keptCounts;

    private NetworkCounts countNow() {
        return jdbc.sql("""
                        select (select count(*) from organization.campus where active) as campuses,
                               (select count(*) from organization.staff where active) as active_staff,
                               (select count(*) from organization.student where active) as active_students,
                               (select count(*) from organization.class_section where active) as classes
                        """).query(NetworkCounts.class).single();
    }

    /** Searches the directory within what the person may see. */
    public PageResponse<StaffSummary> search(CurrentUser user, PeopleQuery query, PageRequest page) {
        if (!DirectoryAccess.mayBrowse(user)) {
            throw new ForbiddenException("The people directory is for administrators, appraisers and coaches");
        }
        var where = new StringBuilder(" where true");
        var params = new ArrayList<Object>();
        if (!query.includeInactive()) {
            where.append(" and s.active");
        }
        if (query.text() != null && !query.text().isBlank()) {
            var words = query.text().strip().toLowerCase().split("\\s+");
            for (var word : words) {
                // A prefix match written as a range, which the text_pattern_ops indexes answer even in the
                // generic plan of a prepared statement (a LIKE with a parameter pattern cannot use them there).
                where.append(" and (");
                var columns = SEARCHED_COLUMNS;
                for (int i = 0; i < columns.size(); i++) {
                    where.append(i == 0 ? "" : " or ")
                            .append('(')
                            .append(columns.get(i))
                            .append(" ~>=~ ? and ")
                            .append(columns.get(i))
                            .append(" ~<~ ?)");
                    params.add(word);
                    params.add(word + PREFIX_END);
                }
                where.append(')');
            }
        }
        // Filtered by campus or role (or limited to the person's campuses), the matches are found from this
        // year's role assignments and their staff rows read one by one: the "offset 0" keeps PostgreSQL from
        // turning that into a hash join over every staff row, which the generic plan would choose.
        var scope = DirectoryAccess.campuses(user);
        // This year's role assignments are read by the kept current year's id, not by a join on the school year.
        var year = referenceData.currentYear();
        if (year.isEmpty() && (scope != null || query.campusId() != null || query.role() != null)) {
            return new PageResponse<>(List.of(), page.page(), page.size(), 0);
        }
        long yearId = year.map(SchoolYear::id).orElse(0L);
        var from = " from organization.staff s";
        if (scope != null || query.campusId() != null || query.role() != null) {
            var holders = new StringBuilder(
                    "select distinct ra.staff_id from organization.role_assignment ra where ra.school_year_id = ?");
            var holderParams = new ArrayList<Object>();
            holderParams.add(yearId);
            if (scope != null) {
                holders.append(" and ra.campus_id = any(?)");
                holderParams.add(scope.toArray(Long[]::new));
            }
            if (query.campusId() != null) {
                holders.append(" and ra.campus_id = ?");
                holderParams.add(query.campusId());
            }
            if (query.role() != null) {
                holders.append(" and ra.role = ?");
                holderParams.add(query.role().name());
            }
            from = " from (" + holders + ") h cross join lateral"
                    + " (select * from organization.staff s where s.id = h.staff_id offset 0) s";
            holderParams.addAll(params);
            params = holderParams;
        }
        var pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        pageParams.add(yearId);
        // One statement: the page of matches with the total count of matches, and each one's roles this year as
        // role and campus id pairs, which are labelled here from the kept campus names. Ordered by the lower-cased
        // names kept with each row (V2026_12_03_0100), not lower-cased here for every match.
        var totals = new long[] {-1};
        var campusNames = referenceData.campusNames();
        var items = jdbc.sql("""
                        with matched as (
                            select s.id, s.employee_id, s.given_name, s.family_name, s.email, s.pay_band, s.active,
                                   s.family_name_sort, s.given_name_sort, count(*) over () as total
                           """ + from + where + """
                             order by s.family_name_sort, s.given_name_sort, s.id limit ? offset ?)
                        select m.*,
                               array(select ra.role || ':' || coalesce(ra.campus_id::text, '')
                                     from organization.role_assignment ra
                                     where ra.staff_id = m.id and ra.school_year_id = ?) as roles
                        from matched m
                        order by m.family_name_sort, m.given_name_sort, m.id
                        """)
                .params(pageParams)
                .query((rs, n) -> {
                    totals[0] = rs.getLong("total");
                    return Rows.staffSummary(
                            rs, rolesLine((String[]) rs.getArray("roles").getArray(), campusNames));
                })
                .list();
        long total = totals[0] >= 0
                ? totals[0]
                : jdbc.sql("select count(*)" + from + where)
                        .params(params)
                        .query(Long.class)
                        .single();
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    /**
     * This year's active holders of a role on a campus, by name, as the person may see them; their {@code roles}
     * name only that role. The evaluation pages list a campus's teachers and appraisers on every visit, so this
     * reads just them, not the directory's full lines.
     */
    public List<StaffSummary> holdersOf(CurrentUser user, long campusId, AccessRole role) {
        if (!DirectoryAccess.mayBrowse(user)) {
            throw new ForbiddenException("The people directory is for administrators, appraisers and coaches");
        }
        var scope = DirectoryAccess.campuses(user);
        if (scope != null && !scope.contains(campusId)) {
            return List.of();
        }
        var campusName = campus(campusId).map(Campus::name).orElse(null);
        var label = campusName == null ? role.label() : role.label() + " @ " + campusName;
        return jdbc.sql("""
                        select s.id, s.employee_id, s.given_name, s.family_name, s.email, s.pay_band, s.active
                        from organization.staff s
                        where s.active and exists (select 1 from organization.role_assignment ra
                            join organization.school_year y on y.id = ra.school_year_id and y.is_current
                            where ra.staff_id = s.id and ra.campus_id = ? and ra.role = ?)
                        order by lower(s.family_name), lower(s.given_name), s.id
                        """)
                .params(campusId, role.name())
                .query((rs, n) -> Rows.staffSummary(rs, label))
                .list();
    }

    /** A staff member's profile, if the person may see it. */
    public StaffProfile profile(CurrentUser user, long staffId) {
        if (!maySee(user, staffId)) {
            throw new NotFoundException("Staff member", staffId);
        }
        var base = jdbc.sql("""
                        select id, source_id, employee_id, given_name, family_name, email, pay_band, hire_date, active, version
                        from organization.staff where id = ?
                        """)
                .param(staffId)
                .query((rs, n) -> new StaffProfile(
                        rs.getLong("id"),
                        rs.getString("source_id"),
                        rs.getString("employee_id"),
                        rs.getString("given_name"),
                        rs.getString("family_name"),
                        rs.getString("email"),
                        rs.getString("pay_band"),
                        rs.getObject("hire_date", java.time.LocalDate.class),
                        rs.getBoolean("active"),
                        rs.getInt("version"),
                        List.of(),
                        List.of()))
                .optional()
                .orElseThrow(() -> new NotFoundException("Staff member", staffId));
        var roles = jdbc.sql("""
                        select ra.role, y.name as school_year, ra.campus_id, c.name as campus_name
                        from organization.role_assignment ra
                        join organization.school_year y on y.id = ra.school_year_id
                        left join organization.campus c on c.id = ra.campus_id
                        where ra.staff_id = ?
                        order by y.begins_on desc, ra.role, c.name
                        """).param(staffId).query(Rows.ROLE_HELD).list();
        return new StaffProfile(
                base.id(),
                base.sourceId(),
                base.employeeId(),
                base.givenName(),
                base.familyName(),
                base.email(),
                base.payBand(),
                base.hireDate(),
                base.active(),
                base.version(),
                roles,
                classesOf(staffId));
    }

    /** The current school year's classes a staff member teaches. */
    public List<ClassSummary> classesOf(long staffId) {
        return jdbc.sql("""
                        select cs.id, cs.title, co.code as course_code, co.subject, c.name as campus_name, c.id as campus_id,
                               t.name as term_name, tr.instructional_weight, tr.is_primary as primary_teacher,
                               (select count(*) from organization.enrollment e where e.class_id = cs.id
                                  and (e.ends_on is null or e.ends_on >= least(current_date, y.ends_on))) as students
                        from organization.teacher_of_record tr
                        join organization.class_section cs on cs.id = tr.class_id
                        join organization.course co on co.id = cs.course_id
                        join organization.campus c on c.id = cs.campus_id
                        join organization.term t on t.id = cs.term_id
                        join organization.school_year y on y.id = t.school_year_id and y.is_current
                        where tr.staff_id = ?
                        order by t.begins_on, cs.period, cs.title
                        """).param(staffId).query(Rows.CLASS_SUMMARY).list();
    }

    /** Whether the person may see this staff member's records. */
    public boolean maySee(CurrentUser user, long staffId) {
        if (user.isStaff(staffId)) {
            return true;
        }
        Set<Long> scope = DirectoryAccess.campuses(user);
        if (scope == null) {
            return true;
        }
        if (scope.isEmpty()) {
            return false;
        }
        return jdbc.sql("""
                        select exists (select 1 from organization.role_assignment ra
                            join organization.school_year y on y.id = ra.school_year_id and y.is_current
                            where ra.staff_id = ? and ra.campus_id = any(?))
                        """)
                .params(staffId, scope.toArray(Long[]::new))
                .query(Boolean.class)
                .single();
    }

    /**
     * A class with its teachers and students. Its teachers of record, the campus's administrators and
     * appraisers, and district administrators may see it; to anyone else it does not exist.
     */
    public ClassRoster classRoster(CurrentUser user, long classId) {
        var header = jdbc.sql("""
                        select cs.id, cs.source_id, cs.title, co.code, co.title as course_title, co.subject, c.id as campus_id,
                               c.name as campus_name, t.name as term_name
                        from organization.class_section cs
                        join organization.course co on co.id = cs.course_id
                        join organization.campus c on c.id = cs.campus_id
                        join organization.term t on t.id = cs.term_id
                        where cs.id = ?
                        """)
                .param(classId)
                .query((rs, n) -> new ClassRoster(
                        rs.getLong("id"),
                        rs.getString("source_id"),
                        rs.getString("title"),
                        rs.getString("code"),
                        rs.getString("course_title"),
                        rs.getString("subject"),
                        rs.getLong("campus_id"),
                        rs.getString("campus_name"),
                        rs.getString("term_name"),
                        List.of(),
                        List.of()))
                .optional()
                .orElseThrow(() -> new NotFoundException("Class", classId));
        var teachers =
                jdbc.sql("""
                        select s.id as staff_id, s.given_name || ' ' || s.family_name as name, tr.instructional_weight,
                               tr.is_primary as primary_teacher
                        from organization.teacher_of_record tr join organization.staff s on s.id = tr.staff_id
                        where tr.class_id = ? order by tr.is_primary desc, s.family_name
                        """).param(classId).query(ClassRoster.Teacher.class).list();
        boolean teachesIt = teachers.stream().anyMatch(t -> user.isStaff(t.staffId()));
        if (!teachesIt && !DirectoryAccess.maySeeStudentsOf(user, header.campusId())) {
            throw new NotFoundException("Class", classId);
        }
        var students =
                jdbc.sql("""
                        select st.id, st.given_name || ' ' || st.family_name as name, st.grade_level, e.begins_on, e.ends_on
                        from organization.enrollment e join organization.student st on st.id = e.student_id
                        where e.class_id = ? order by lower(st.family_name), lower(st.given_name), st.id
                        """).param(classId).query(ClassRoster.Student.class).list();
        return new ClassRoster(
                header.id(),
                header.sourceId(),
                header.title(),
                header.courseCode(),
                header.courseTitle(),
                header.subject(),
                header.campusId(),
                header.campusName(),
                header.termName(),
                teachers,
                students);
    }

    /** How many people hold each role on a campus this year. */
    public java.util.Map<org.cadre.shared.AccessRole, Long> roleCounts(long campusId) {
        var counts = new java.util.EnumMap<org.cadre.shared.AccessRole, Long>(org.cadre.shared.AccessRole.class);
        jdbc.sql("""
                        select ra.role, count(*) as n from organization.role_assignment ra
                        join organization.school_year y on y.id = ra.school_year_id and y.is_current
                        where ra.campus_id = ? group by ra.role
                        """).param(campusId).query(rs -> {
            counts.put(org.cadre.shared.AccessRole.valueOf(rs.getString("role")), rs.getLong("n"));
        });
        return counts;
    }

    /** How many active students a campus has. */
    public long studentCount(long campusId) {
        return jdbc.sql("select count(*) from organization.student where campus_id = ? and active")
                .param(campusId)
                .query(Long.class)
                .single();
    }

    /**
     * A directory line's roles, "Teacher @ Campus; HR / compensation", from "ROLE:campusId" pairs; ordered by role
     * code, then campus name.
     */
    static String rolesLine(String[] pairs, java.util.Map<Long, String> campusNames) {
        if (pairs.length == 0) {
            return "";
        }
        record Held(AccessRole role, String campus) {}
        var held = new ArrayList<Held>(pairs.length);
        for (var pair : pairs) {
            int colon = pair.indexOf(':');
            var campusId = pair.substring(colon + 1);
            held.add(new Held(
                    AccessRole.valueOf(pair.substring(0, colon)),
                    campusId.isEmpty() ? null : campusNames.get(Long.valueOf(campusId))));
        }
        held.sort(java.util.Comparator.comparing((Held h) -> h.role().name())
                .thenComparing(Held::campus, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        var line = new StringBuilder();
        for (var h : held) {
            if (!line.isEmpty()) {
                line.append("; ");
            }
            line.append(h.role().label());
            if (h.campus() != null) {
                line.append(" @ ").append(h.campus());
            }
        }
        return line.toString();
    }

    /** What the people search matches the start of; the expressions of the prefix indexes. */
    private static final List<String> SEARCHED_COLUMNS = List.of(
            "lower(s.given_name)",
            "lower(s.family_name)",
            "lower(coalesce(s.email, ''))",
            "lower(coalesce(s.employee_id, ''))");

    /** Sorts after every text that starts with a given prefix, byte by byte (the largest Unicode code point). */
    static final String PREFIX_END = new String(Character.toChars(Character.MAX_CODE_POINT));
}
