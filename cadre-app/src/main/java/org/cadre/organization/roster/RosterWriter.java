package org.cadre.organization.roster;

import java.time.LocalDate;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.cadre.organization.roster.PackageStaging.Mode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The second pass of an import: set-based writes from the staging tables into the roster, inside the import's
 * one transaction. Every upsert changes a row only when a value differs ({@code is distinct from}), so an
 * unchanged row is neither touched nor counted as updated. People, campuses, regions and classes that leave a
 * bulk roster are deactivated, never deleted; role assignments, enrollments and teacher-of-record links that
 * leave it are removed (see docs/rostering.md).
 */
final class RosterWriter {

    private static final Logger log = LoggerFactory.getLogger(RosterWriter.class);

    private final JdbcClient jdbc;
    private final ImportReport report;
    private final PackageStaging staging;
    private final LocalDate today;
    private final LongConsumer progress;
    private long written;

    RosterWriter(JdbcClient jdbc, ImportReport report, PackageStaging staging, LocalDate today, LongConsumer progress) {
        this.jdbc = jdbc;
        this.report = report;
        this.staging = staging;
        this.today = today;
        this.progress = progress;
    }

    void write() {
        timed("orgs", this::orgs);
        timed("sessions", this::sessions);
        if (report.hasErrors()) {
            return;
        }
        timed("users", this::users);
        timed("roles", this::roles);
        if (report.hasErrors()) {
            return;
        }
        timed("courses", this::courses);
        timed("classes", this::classes);
        if (!staging.deferred()) {
            timed("enrollments", this::enrollments);
        }
    }

    /** Writes the enrollments that {@link #write} left for later ({@link PackageStaging#deferred()}). */
    void writeDeferred() {
        timed("enrollments", this::enrollments);
    }

    private static void timed(String what, Runnable step) {
        long started = System.nanoTime();
        step.run();
        log.debug("{} written in {} s", what, RosterImports.seconds(System.nanoTime() - started));
    }

    private boolean bulk(OneRosterFile file) {
        return staging.mode(file) == Mode.BULK;
    }

    private boolean has(OneRosterFile file, String column) {
        return staging.hasExtension(file.fileName() + ":" + column);
    }

    /** Runs an upsert whose rows return {@code created} and {@code active}, and counts them for the file. */
    private void upsert(OneRosterFile file, String sql, Object... params) {
        var counts = report.counts(file);
        jdbc.sql("with up as (" + sql + ") select count(*) filter (where created) as created,"
                        + " count(*) filter (where not created and active) as updated,"
                        + " count(*) filter (where not created and not active) as deactivated from up")
                .params(params)
                .query(rs -> {
                    counts.created += rs.getLong("created");
                    counts.updated += rs.getLong("updated");
                    counts.deactivated += rs.getLong("deactivated");
                    written += rs.getLong("created") + rs.getLong("updated") + rs.getLong("deactivated");
                });
        progress.accept(written);
    }

    private boolean empty(String table) {
        return empty(jdbc, table);
    }

    /** Whether the table holds no row. */
    static boolean empty(JdbcClient jdbc, String table) {
        return jdbc.sql("select not exists (select 1 from " + table + ")")
                .query(Boolean.class)
                .single();
    }

    /**
     * Loads a table that holds no row yet — students, classes and the millions of enrollments of the first import into
     * a new Cadre — the way a bulk load should: its keys and indexes are dropped ({@link Keys}), the rows go in with a
     * plain insert (nothing can conflict: the package checks refused duplicates), and the keys are built again.
     *
     * @return the rows inserted
     */
    private long loadEmpty(String table, String insert) {
        var keys = Keys.drop(jdbc, table);
        long started = System.nanoTime();
        long rows = jdbc.sql(insert).update();
        long inserted = System.nanoTime();
        keys.build();
        log.debug(
                "{}: {} rows inserted in {} s, indexes and keys built in {} s",
                table,
                rows,
                RosterImports.seconds(inserted - started),
                RosterImports.seconds(System.nanoTime() - inserted));
        return rows;
    }

    /**
     * The primary key, foreign keys, unique constraints and secondary indexes of a table that is loaded while it is
     * empty, dropped until the rows are in: the rows of an enrollment table of 2 million rows went in in 17 s with the
     * primary key alone, 6 s without. {@link #build} makes each again in one sort or one join over all rows instead of
     * a lookup per row. A row that breaks a key then fails the import and rolls everything back, the keys included;
     * until the transaction ends it holds the table exclusively, which no one notices on a table that was empty.
     */
    static final class Keys {

        private final JdbcClient jdbc;
        private final String table;
        private final List<String[]> constraints;
        private final List<String[]> indexes;

        private Keys(JdbcClient jdbc, String table, List<String[]> constraints, List<String[]> indexes) {
            this.jdbc = jdbc;
            this.table = table;
            this.constraints = constraints;
            this.indexes = indexes;
        }

        /** Drops the table's keys and indexes; the primary key too, unless another table's foreign key needs it. */
        static Keys drop(JdbcClient jdbc, String table) {
            var constraints = jdbc.sql("""
                            select quote_ident(conname), pg_get_constraintdef(oid) from pg_constraint c
                            where conrelid = cast(? as regclass)
                              and (contype in ('f', 'u')
                                   or (contype = 'p' and not exists (select 1 from pg_constraint r
                                                                     where r.confrelid = c.conrelid and r.contype = 'f')))
                            order by position(contype in 'puf'), conname
                            """)
                    .param(table)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                    .list();
            var indexes = jdbc.sql("""
                            select cast(indexrelid as regclass)::text, pg_get_indexdef(indexrelid) from pg_index i
                            where indrelid = cast(? as regclass) and not indisprimary
                              and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
                            order by 1
                            """)
                    .param(table)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                    .list();
            if (!constraints.isEmpty()) {
                jdbc.sql("alter table " + table + " "
                                + constraints.stream()
                                        .map(c -> "drop constraint " + c[0])
                                        .collect(Collectors.joining(", ")))
                        .update();
            }
            for (var index : indexes) {
                jdbc.sql("drop index " + index[0]).update();
            }
            return new Keys(jdbc, table, constraints, indexes);
        }

        /** Builds the indexes, then the keys: the primary key first, then the unique ones, then the foreign ones. */
        void build() {
            for (var index : indexes) {
                jdbc.sql(index[1]).update();
            }
            if (!constraints.isEmpty()) {
                jdbc.sql("alter table " + table + " "
                                + constraints.stream()
                                        .map(c -> "add constraint " + c[0] + " " + c[1])
                                        .collect(Collectors.joining(", ")))
                        .update();
            }
        }
    }

    /** Counts rows a bulk load created. */
    private void created(OneRosterFile file, long rows) {
        report.counts(file).created += rows;
        written += rows;
        progress.accept(written);
    }

    private void deactivate(OneRosterFile file, String sql) {
        long n = jdbc.sql(sql).update();
        report.counts(file).deactivated += n;
        written += n;
        progress.accept(written);
    }

    private void orgs() {
        var file = OneRosterFile.ORGS;
        if (staging.mode(file) == Mode.ABSENT) {
            return;
        }
        upsert(file, """
                insert into organization.network (source_id, name)
                select sourced_id, name from stg_orgs where type = 'district'
                on conflict (source_id) do update set name = excluded.name
                where network.name is distinct from excluded.name
                returning (xmax = 0) as created, true as active
                """);
        upsert(file, """
                insert into organization.region (source_id, name, active)
                select sourced_id, name, status = 'active' from stg_orgs where type not in ('district', 'school')
                on conflict (source_id) do update set name = excluded.name, active = excluded.active
                where (region.name, region.active) is distinct from (excluded.name, excluded.active)
                returning (xmax = 0) as created, active
                """);
        jdbc.sql("""
                create temp table stg_campus_level on commit drop as
                select org, case when max(g) <= 5 then 'ELEMENTARY' when min(g) >= 6 and max(g) <= 8 then 'MIDDLE'
                                 when min(g) >= 9 then 'HIGH' else 'K12' end as level
                from (select r.org, case when u.grade in ('KG', 'PK', 'TK', 'PR', 'IT') then 0
                                         when u.grade ~ '^[0-9]{1,2}$' then u.grade::int end as g
                      from stg_roles r join stg_users u on u.sourced_id = r.user_id where r.role = 'student') x
                where g is not null group by org
                """).update();
        upsert(file, """
                insert into organization.campus (source_id, name, campus_number, level, region_id, active)
                select o.sourced_id, o.name, o.identifier, coalesce(o.level, c.level, l.level, 'K12'), r.id, o.status = 'active'
                from stg_orgs o
                left join organization.campus c on c.source_id = o.sourced_id
                left join stg_campus_level l on l.org = o.sourced_id
                left join organization.region r on r.source_id = o.parent
                where o.type = 'school'
                on conflict (source_id) do update set name = excluded.name, campus_number = excluded.campus_number,
                    level = excluded.level, region_id = excluded.region_id, active = excluded.active, version = campus.version + 1
                where (campus.name, campus.campus_number, campus.level, campus.region_id, campus.active)
                      is distinct from (excluded.name, excluded.campus_number, excluded.level, excluded.region_id, excluded.active)
                returning (xmax = 0) as created, active
                """);
        if (bulk(file)) {
            deactivate(file, """
                    update organization.region g set active = false
                    where g.active and not exists (select 1 from stg_orgs o where o.sourced_id = g.source_id)
                    """);
            deactivate(file, """
                    update organization.campus c set active = false, version = c.version + 1
                    where c.active and not exists (select 1 from stg_orgs o where o.sourced_id = c.source_id)
                    """);
        }
    }

    private void sessions() {
        var file = OneRosterFile.ACADEMIC_SESSIONS;
        if (staging.mode(file) != Mode.ABSENT) {
            upsert(file, """
                    insert into organization.school_year (source_id, name, begins_on, ends_on)
                    select sourced_id, title, start_date, end_date from stg_sessions where type = 'schoolYear'
                    on conflict (source_id) do update set name = excluded.name, begins_on = excluded.begins_on, ends_on = excluded.ends_on
                    where (school_year.name, school_year.begins_on, school_year.ends_on)
                          is distinct from (excluded.name, excluded.begins_on, excluded.ends_on)
                    returning (xmax = 0) as created, true as active
                    """);
            upsert(file, """
                    insert into organization.term (source_id, school_year_id, name, begins_on, ends_on)
                    select s.sourced_id, y.id, s.title, s.start_date, s.end_date
                    from stg_sessions s join organization.school_year y on y.source_id = s.year_source
                    where s.type <> 'schoolYear'
                    on conflict (source_id) do update set school_year_id = excluded.school_year_id, name = excluded.name,
                        begins_on = excluded.begins_on, ends_on = excluded.ends_on
                    where (term.school_year_id, term.name, term.begins_on, term.ends_on)
                          is distinct from (excluded.school_year_id, excluded.name, excluded.begins_on, excluded.ends_on)
                    returning (xmax = 0) as created, true as active
                    """);
        }
        // The current year is the one today falls in; between years the current one stays, or else the latest.
        var target = jdbc.sql("""
                        select coalesce(
                            (select id from organization.school_year where ? between begins_on and ends_on order by begins_on desc limit 1),
                            (select id from organization.school_year where is_current),
                            (select id from organization.school_year where begins_on <= ? order by begins_on desc limit 1),
                            (select id from organization.school_year order by begins_on limit 1))
                        """).params(today, today).query(Long.class).optional();
        target.ifPresent(id -> {
            jdbc.sql("update organization.school_year set is_current = false where is_current and id <> ?")
                    .param(id)
                    .update();
            jdbc.sql("update organization.school_year set is_current = true where id = ? and not is_current")
                    .param(id)
                    .update();
        });
    }

    private void users() {
        var file = OneRosterFile.USERS;
        if (staging.mode(file) == Mode.ABSENT) {
            return;
        }
        boolean payBand = has(file, "metadata.cadre.payBand");
        boolean hireDate = has(file, "metadata.cadre.hireDate");
        jdbc.sql("create temp table roster_staff_touched (id bigint) on commit drop")
                .update();
        var counts = report.counts(file);
        jdbc.sql("""
                        with up as (
                        insert into organization.staff (source_id, employee_id, given_name, family_name, email, pay_band, hire_date, active)
                        select u.sourced_id, u.identifier, u.given_name, u.family_name, u.email, u.pay_band, u.hire_date,
                               u.enabled and u.status = 'active'
                        from stg_users u join stg_kind k on k.sourced_id = u.sourced_id and k.kind = 'STAFF'
                        on conflict (source_id) do update set employee_id = excluded.employee_id, given_name = excluded.given_name,
                            family_name = excluded.family_name, email = excluded.email,
                            pay_band = case when %1$s then excluded.pay_band else staff.pay_band end,
                            hire_date = case when %2$s then excluded.hire_date else staff.hire_date end,
                            active = excluded.active, version = staff.version + 1
                        where (staff.employee_id, staff.given_name, staff.family_name, staff.email, staff.active,
                               case when %1$s then staff.pay_band end, case when %2$s then staff.hire_date end)
                              is distinct from (excluded.employee_id, excluded.given_name, excluded.family_name, excluded.email,
                               excluded.active, case when %1$s then excluded.pay_band end, case when %2$s then excluded.hire_date end)
                        returning id, (xmax = 0) as created, active),
                        touched as (insert into roster_staff_touched select id from up where active)
                        select count(*) filter (where created) as created, count(*) filter (where not created and active) as updated,
                               count(*) filter (where not created and not active) as deactivated from up
                        """.formatted(payBand, hireDate)).query(rs -> {
            counts.created += rs.getLong("created");
            counts.updated += rs.getLong("updated");
            counts.deactivated += rs.getLong("deactivated");
            written += rs.getLong("created") + rs.getLong("updated") + rs.getLong("deactivated");
        });
        progress.accept(written);
        // The campus: the primary org if it is one, else the campus of a student role, the primary role first. (One
        // join on "primary org or role's org" could not be hashed and compared every student with every campus.)
        jdbc.sql("""
                create temp table stg_student_campus on commit drop as
                select distinct on (sourced_id) sourced_id, campus_id
                from (select u.sourced_id, c.id as campus_id, 0 as rank, 0 as role_rank, 0::bigint as line
                      from stg_users u join stg_kind k on k.sourced_id = u.sourced_id and k.kind = 'STUDENT'
                      join organization.campus c on c.source_id = u.primary_org
                      union all
                      select u.sourced_id, c.id, 1, case when r.role_type = 'primary' then 0 else 1 end, r.line
                      from stg_users u join stg_kind k on k.sourced_id = u.sourced_id and k.kind = 'STUDENT'
                      join stg_roles r on r.user_id = u.sourced_id and r.role = 'student'
                      join organization.campus c on c.source_id = r.org) x
                order by sourced_id, rank, role_rank, line
                """).update();
        var students = """
                insert into organization.student (source_id, student_number, given_name, family_name, grade_level, campus_id, active)
                select u.sourced_id, u.identifier, u.given_name, u.family_name, u.grade, coalesce(sc.campus_id, s.campus_id),
                       u.enabled and u.status = 'active'
                from stg_users u join stg_kind k on k.sourced_id = u.sourced_id and k.kind = 'STUDENT'
                left join stg_student_campus sc on sc.sourced_id = u.sourced_id
                left join organization.student s on s.source_id = u.sourced_id
                """;
        if (empty("organization.student")) {
            created(file, loadEmpty("organization.student", students));
        } else {
            upsert(file, students + """
                on conflict (source_id) do update set student_number = excluded.student_number, given_name = excluded.given_name,
                    family_name = excluded.family_name, grade_level = excluded.grade_level, campus_id = excluded.campus_id,
                    active = excluded.active
                where (student.student_number, student.given_name, student.family_name, student.grade_level, student.campus_id, student.active)
                      is distinct from (excluded.student_number, excluded.given_name, excluded.family_name, excluded.grade_level,
                                        excluded.campus_id, excluded.active)
                returning (xmax = 0) as created, active
                """);
        }
        if (bulk(file)) {
            deactivate(file, """
                    update organization.staff s set active = false, version = s.version + 1
                    where s.active and not exists (select 1 from stg_users u where u.sourced_id = s.source_id)
                    """);
            deactivate(file, """
                    update organization.student s set active = false
                    where s.active and not exists (select 1 from stg_users u where u.sourced_id = s.source_id)
                    """);
        }
    }

    private void roles() {
        var file = OneRosterFile.ROLES;
        if (staging.mode(file) == Mode.ABSENT) {
            return;
        }
        jdbc.sql("""
                create temp table stg_assign on commit drop as
                select r.line, r.status, st.id as staff_id, y.id as school_year_id,
                       case when m.network_wide then null else c.id end as campus_id, m.role
                from stg_roles r
                join roster_role m on m.oneroster = r.role
                join organization.staff st on st.source_id = r.user_id
                left join organization.campus c on c.source_id = r.org
                left join lateral (select y.id from organization.school_year y
                                   where (r.begin_date is null and y.is_current)
                                      or (r.begin_date between y.begins_on and y.ends_on)
                                   order by y.begins_on desc limit 1) y on true
                """).update();
        jdbc.sql("select line, role from stg_assign where school_year_id is null order by line")
                .query(rs -> {
                    report.error(
                            file.fileName(),
                            rs.getLong(1),
                            "beginDate",
                            null,
                            "The role's beginDate falls in no school year in the package or in Cadre (a blank beginDate means the current year)");
                });
        if (report.hasErrors()) {
            return;
        }
        var counts = report.counts(file);
        long created = jdbc.sql("""
                insert into organization.role_assignment (staff_id, school_year_id, campus_id, role)
                select distinct staff_id, school_year_id, campus_id, role from stg_assign where status = 'active'
                on conflict (staff_id, school_year_id, campus_id, role) do nothing
                """).update();
        counts.created += created;
        long removed = jdbc.sql("""
                delete from organization.role_assignment ra using stg_assign a
                where a.status = 'tobedeleted' and a.staff_id = ra.staff_id and a.school_year_id = ra.school_year_id
                  and a.campus_id is not distinct from ra.campus_id and a.role = ra.role
                """).update();
        if (bulk(file)) {
            // A bulk roles file is every role of the years it covers; earlier years keep theirs as history.
            removed += jdbc.sql("""
                    delete from organization.role_assignment ra
                    where ra.school_year_id in (select school_year_id from stg_assign
                                                union select y.id from organization.school_year y
                                                      join stg_sessions s on s.sourced_id = y.source_id)
                      and not exists (select 1 from stg_assign a where a.status = 'active' and a.staff_id = ra.staff_id
                                      and a.school_year_id = ra.school_year_id and a.campus_id is not distinct from ra.campus_id
                                      and a.role = ra.role)
                    """).update();
        }
        counts.deactivated += removed;
        written += created + removed;
        progress.accept(written);
    }

    private void courses() {
        var file = OneRosterFile.COURSES;
        if (staging.mode(file) == Mode.ABSENT) {
            return;
        }
        boolean tested = has(file, "metadata.cadre.tested");
        upsert(file, """
                insert into organization.course (source_id, school_year_id, code, title, subject, grade_level, tested)
                select c.sourced_id, y.id, c.code, c.title, c.subject, c.grade,
                       case when %1$s then coalesce(c.tested, false) else coalesce(o.tested, false) end
                from stg_courses c
                left join organization.school_year y on y.source_id = c.school_year
                left join organization.course o on o.source_id = c.sourced_id
                on conflict (source_id) do update set school_year_id = excluded.school_year_id, code = excluded.code,
                    title = excluded.title, subject = excluded.subject, grade_level = excluded.grade_level, tested = excluded.tested
                where (course.school_year_id, course.code, course.title, course.subject, course.grade_level, course.tested)
                      is distinct from (excluded.school_year_id, excluded.code, excluded.title, excluded.subject,
                                        excluded.grade_level, excluded.tested)
                returning (xmax = 0) as created, true as active
                """.formatted(tested));
    }

    private void classes() {
        var file = OneRosterFile.CLASSES;
        if (staging.mode(file) == Mode.ABSENT) {
            return;
        }
        var classes = """
                insert into organization.class_section (source_id, course_id, campus_id, term_id, title, period, active)
                select c.sourced_id, co.id, ca.id, t.id, c.title, c.period, c.status = 'active'
                from stg_classes c
                join organization.course co on co.source_id = c.course
                join organization.campus ca on ca.source_id = c.school
                join organization.term t on t.source_id = c.term
                """;
        if (empty("organization.class_section")) {
            created(file, loadEmpty("organization.class_section", classes));
        } else {
            upsert(file, classes + """
                on conflict (source_id) do update set course_id = excluded.course_id, campus_id = excluded.campus_id,
                    term_id = excluded.term_id, title = excluded.title, period = excluded.period, active = excluded.active
                where (class_section.course_id, class_section.campus_id, class_section.term_id, class_section.title,
                       class_section.period, class_section.active)
                      is distinct from (excluded.course_id, excluded.campus_id, excluded.term_id, excluded.title,
                                        excluded.period, excluded.active)
                returning (xmax = 0) as created, active
                """);
        }
        if (bulk(file)) {
            deactivate(file, """
                    update organization.class_section cs set active = false
                    where cs.active and not exists (select 1 from stg_classes c where c.sourced_id = cs.source_id)
                    """);
        }
    }

    private void enrollments() {
        var file = OneRosterFile.ENROLLMENTS;
        if (staging.mode(file) == Mode.ABSENT) {
            return;
        }
        boolean weight = has(file, "metadata.cadre.instructionalWeight");
        var counts = report.counts(file);
        boolean enrollmentsWereEmpty = empty("organization.enrollment");
        boolean teachersWereEmpty = empty("organization.teacher_of_record");
        String links;
        if (enrollmentsWereEmpty && teachersWereEmpty) {
            // Nothing can leave tables that were empty, so nothing needs the links again: each table reads its
            // rows straight from the staged enrollments, which are not written a further time for it.
            links = """
                    (select e.status, e.role, cs.id as class_id, p.id as person_id,
                            e.begin_date, e.end_date, e.is_primary, e.weight
                     from stg_enrollments e
                     join organization.class_section cs on cs.source_id = e.class
                     left join organization.%s p on p.source_id = e.user_id
                     where e.role = '%s' and e.status = 'active') l""";
        } else {
            jdbc.sql("""
                    create temp table stg_links on commit drop as
                    select e.line, e.status, e.role, cs.id as class_id, coalesce(st.id, sf.id) as person_id,
                           e.begin_date, e.end_date, e.is_primary, e.weight
                    from stg_enrollments e
                    join organization.class_section cs on cs.source_id = e.class
                    left join organization.student st on e.role = 'student' and st.source_id = e.user_id
                    left join organization.staff sf on e.role = 'teacher' and sf.source_id = e.user_id
                    where e.role in ('student', 'teacher')
                    """).update();
            jdbc.sql("analyze stg_links").update();
            links = "stg_links";
        }
        // In index order, so that the unique index grows at its end instead of everywhere at once; a table loaded
        // empty builds its indexes after the insert, by sorting, so its rows go in as the file has them.
        var students = """
                select class_id, person_id, begin_date, end_date from %s where role = 'student' and status = 'active'
                """.formatted(links.formatted("student", "student"));
        if (enrollmentsWereEmpty) {
            created(
                    file,
                    loadEmpty(
                            "organization.enrollment",
                            "insert into organization.enrollment (class_id, student_id, begins_on, ends_on) "
                                    + students));
        } else {
            upsert(file, """
                    insert into organization.enrollment (class_id, student_id, begins_on, ends_on)
                    %s order by class_id, person_id
                    on conflict (class_id, student_id) do update set begins_on = excluded.begins_on, ends_on = excluded.ends_on
                    where (enrollment.begins_on, enrollment.ends_on) is distinct from (excluded.begins_on, excluded.ends_on)
                    returning (xmax = 0) as created, true as active
                    """.formatted(students));
        }
        var teachers = """
                select class_id, person_id, coalesce(weight, 1.0), coalesce(is_primary, true), begin_date, end_date
                from %s where role = 'teacher' and status = 'active'
                """.formatted(links.formatted("staff", "teacher"));
        if (teachersWereEmpty) {
            created(
                    file,
                    loadEmpty(
                            "organization.teacher_of_record",
                            "insert into organization.teacher_of_record (class_id, staff_id, instructional_weight,"
                                    + " is_primary, begins_on, ends_on) " + teachers));
        } else {
            upsert(file, """
                    insert into organization.teacher_of_record (class_id, staff_id, instructional_weight, is_primary, begins_on, ends_on)
                    %2$s order by class_id, person_id
                    on conflict (class_id, staff_id) do update set
                        instructional_weight = case when %1$s then excluded.instructional_weight else teacher_of_record.instructional_weight end,
                        is_primary = excluded.is_primary, begins_on = excluded.begins_on, ends_on = excluded.ends_on
                    where (case when %1$s then teacher_of_record.instructional_weight end, teacher_of_record.is_primary,
                           teacher_of_record.begins_on, teacher_of_record.ends_on)
                          is distinct from (case when %1$s then excluded.instructional_weight end, excluded.is_primary,
                                            excluded.begins_on, excluded.ends_on)
                    returning (xmax = 0) as created, true as active
                    """.formatted(weight, teachers));
        }
        // What leaves the roster can only be there if the table held rows before this import.
        long removed = 0;
        if (!enrollmentsWereEmpty) {
            removed += jdbc.sql("""
                    delete from organization.enrollment e using stg_links l
                    where l.status = 'tobedeleted' and l.role = 'student' and l.class_id = e.class_id and l.person_id = e.student_id
                    """).update();
        }
        if (!teachersWereEmpty) {
            removed += jdbc.sql("""
                    delete from organization.teacher_of_record t using stg_links l
                    where l.status = 'tobedeleted' and l.role = 'teacher' and l.class_id = t.class_id and l.person_id = t.staff_id
                    """).update();
        }
        if (bulk(file) && !(enrollmentsWereEmpty && teachersWereEmpty)) {
            // A bulk enrollments file is every enrollment of the active classes; inactive classes keep theirs as
            // history.
            jdbc.sql("create index on stg_links (class_id, person_id)").update();
            if (!enrollmentsWereEmpty) {
                removed += jdbc.sql("""
                        delete from organization.enrollment e using organization.class_section cs
                        where cs.id = e.class_id and cs.active
                          and not exists (select 1 from stg_links l where l.role = 'student' and l.status = 'active'
                                          and l.class_id = e.class_id and l.person_id = e.student_id)
                        """).update();
            }
            if (!teachersWereEmpty) {
                removed += jdbc.sql("""
                        delete from organization.teacher_of_record t using organization.class_section cs
                        where cs.id = t.class_id and cs.active
                          and not exists (select 1 from stg_links l where l.role = 'teacher' and l.status = 'active'
                                          and l.class_id = t.class_id and l.person_id = t.staff_id)
                        """).update();
            }
        }
        counts.deactivated += removed;
        written += removed;
        progress.accept(written);
    }

    /** Fills in unchanged: the good rows of each file that neither created, updated nor deactivated anything. */
    static void unchanged(ImportReport report) {
        for (var counts : report.counts().values()) {
            if (counts.mode.equals("absent")) {
                continue;
            }
            counts.unchanged =
                    Math.max(0, counts.rows - counts.rejected - counts.created - counts.updated - counts.deactivated);
        }
    }
}
