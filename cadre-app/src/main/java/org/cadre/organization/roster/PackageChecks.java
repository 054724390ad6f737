package org.cadre.organization.roster;

import java.util.ArrayList;
import java.util.HashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The checks of an import that need the whole package and the roster already in Cadre, run on the staging
 * tables: duplicate sourcedIds, references to records that exist neither in the package nor in Cadre, people
 * who are both student and staff, emails and employee ids that would collide, terms without a school year.
 */
final class PackageChecks {

    private static final Logger log = LoggerFactory.getLogger(PackageChecks.class);

    private final JdbcClient jdbc;
    private final ImportReport report;

    PackageChecks(JdbcClient jdbc, ImportReport report) {
        this.jdbc = jdbc;
        this.report = report;
    }

    /**
     * Runs every check.
     *
     * @param enrollments whether the enrollments are staged; if not, {@link #enrollments} checks them once they are
     */
    void run(boolean enrollments) {
        // The raw enrollments behind the view stg_enrollments were analysed when their values were checked.
        for (var statement : """
                create index on stg_roles (user_id);
                analyze stg_orgs;
                analyze stg_sessions;
                analyze stg_users;
                analyze stg_roles;
                analyze stg_courses;
                analyze stg_classes
                """.split(";")) {
            jdbc.sql(statement).update();
        }
        for (var file : OneRosterFile.values()) {
            if (file != OneRosterFile.ENROLLMENTS) {
                duplicates(file);
            }
        }
        orgs();
        sessions();
        users();
        roles();
        courses();
        classes();
        if (enrollments) {
            enrollments();
        }
    }

    /**
     * Whether no two rows of {@code table} (that match {@code where}) have the same {@code columns}, found by building
     * a unique index on them in a savepoint. Almost every package has no duplicate, and the index is one sort, several
     * times faster than grouping millions of rows to find none (enrollments: 0.6 s against 2.5 s); only when it
     * fails does the grouping query run, to say which rows repeat which. A built index stays for the later checks.
     */
    private boolean unique(String table, String columns, String where) {
        long started = System.nanoTime();
        jdbc.sql("savepoint roster_unique").update();
        boolean unique;
        try {
            jdbc.sql("create unique index on " + table + " (" + columns + ")" + where)
                    .update();
            unique = true;
        } catch (DataIntegrityViolationException e) {
            jdbc.sql("rollback to savepoint roster_unique").update();
            unique = false;
        }
        jdbc.sql("release savepoint roster_unique").update();
        log.debug(
                "{} ({}) unique: {}, found in {} s",
                table,
                columns,
                unique,
                RosterImports.seconds(System.nanoTime() - started));
        return unique;
    }

    private void issues(OneRosterFile file, boolean error, String sql) {
        long started = System.nanoTime();
        jdbc.sql(sql).query(rs -> {
            var line = rs.getLong("line");
            if (error) {
                report.error(file.fileName(), line, rs.getString("col"), rs.getString("val"), rs.getString("reason"));
            } else {
                report.warning(file.fileName(), line, rs.getString("col"), rs.getString("val"), rs.getString("reason"));
                if (rs.getMetaData().getColumnCount() > 4 && rs.getBoolean(5)) {
                    report.reject(file.fileName(), line);
                }
            }
        });
        log.debug(
                "{} checked in {} s: {}",
                file.fileName(),
                RosterImports.seconds(System.nanoTime() - started),
                sql.lines().skip(1).findFirst().orElse("").strip());
    }

    private void duplicates(OneRosterFile file) {
        var table = switch (file) {
            case ORGS -> "stg_orgs";
            case ACADEMIC_SESSIONS -> "stg_sessions";
            case USERS -> "stg_users";
            case ROLES -> "stg_roles";
            case COURSES -> "stg_courses";
            case CLASSES -> "stg_classes";
            case ENROLLMENTS -> "stg_enrollments";
        };
        // The checks look records up by sourcedId in every staged file but roles and enrollments.
        boolean lookedUp = file != OneRosterFile.ROLES && file != OneRosterFile.ENROLLMENTS;
        boolean unique = file == OneRosterFile.ENROLLMENTS
                ? unique(ValueChecks.rawTable(file), "\"sourcedId\"", "")
                : unique(table, "sourced_id", "");
        if (unique) {
            return;
        }
        if (lookedUp) {
            jdbc.sql("create index on " + table + " (sourced_id)").update();
        }
        issues(file, true, """
                select line, 'sourcedId' as col, sourced_id as val,
                       'The sourcedId appears more than once in the file (first on line ' || first_line || ')' as reason
                from (select line, sourced_id, min(line) over (partition by sourced_id) as first_line,
                             row_number() over (partition by sourced_id order by line) as n
                      from %1$s
                      where sourced_id in (select sourced_id from %1$s group by sourced_id having count(*) > 1)) d
                where n > 1 order by line
                """.formatted(table));
    }

    private void orgs() {
        issues(OneRosterFile.ORGS, true, """
                select line, 'sourcedId' as col, sourced_id as val,
                       'Cadre holds one network, ' || (select source_id from organization.network order by id limit 1)
                       || '; the package''s district is another' as reason
                from stg_orgs
                where type = 'district' and exists (select 1 from organization.network)
                  and not exists (select 1 from organization.network n where n.source_id = stg_orgs.sourced_id)
                """);
        issues(OneRosterFile.ORGS, true, """
                select line, 'type' as col, type as val, 'A package holds one district, the network; this is another' as reason
                from (select line, type, row_number() over (order by line) as n from stg_orgs where type = 'district') d
                where n > 1
                """);
        issues(OneRosterFile.ORGS, true, """
                select o.line, 'parentSourcedId' as col, o.parent as val,
                       'The parent org is neither in the package nor in Cadre' as reason
                from stg_orgs o
                where o.parent is not null
                  and not exists (select 1 from stg_orgs p where p.sourced_id = o.parent)
                  and not exists (select 1 from organization.network n where n.source_id = o.parent)
                  and not exists (select 1 from organization.region r where r.source_id = o.parent)
                  and not exists (select 1 from organization.campus c where c.source_id = o.parent)
                order by o.line
                """);
        issues(OneRosterFile.ORGS, true, """
                select o.line, 'sourcedId' as col, o.sourced_id as val,
                       'The org is a ' || o.type || ' in the package but a campus, region or network in Cadre, which cannot change' as reason
                from stg_orgs o
                where (o.type = 'school' and (exists (select 1 from organization.region r where r.source_id = o.sourced_id)
                                          or exists (select 1 from organization.network n where n.source_id = o.sourced_id)))
                   or (o.type <> 'school' and exists (select 1 from organization.campus c where c.source_id = o.sourced_id))
                """);
    }

    /** Resolves every term to its school year, in Java: sessions are few. */
    private void sessions() {
        record Session(long line, String id, String type, String parent, Integer year) {}
        var staged = new HashMap<String, Session>();
        jdbc.sql("select line, sourced_id, type, parent, school_year from stg_sessions order by line")
                .query(rs -> {
                    var s = new Session(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), (Integer)
                            rs.getObject(5));
                    staged.putIfAbsent(s.id(), s);
                });
        var existingYears = new HashMap<String, Integer>();
        jdbc.sql("select source_id, extract(year from ends_on)::int from organization.school_year")
                .query(rs -> {
                    existingYears.put(rs.getString(1), rs.getInt(2));
                });
        var existingTerms = new HashMap<String, String>();
        jdbc.sql(
                        "select t.source_id, y.source_id from organization.term t join organization.school_year y on y.id = t.school_year_id")
                .query(rs -> {
                    existingTerms.put(rs.getString(1), rs.getString(2));
                });
        var updates = new ArrayList<Object[]>();
        for (var session : staged.values()) {
            if (session.type().equals("schoolYear")) {
                if (session.parent() != null) {
                    report.warning(
                            OneRosterFile.ACADEMIC_SESSIONS.fileName(),
                            session.line(),
                            "parentSourcedId",
                            session.parent(),
                            "Cadre's school years have no parent; it was ignored");
                }
                continue;
            }
            String year = null;
            var current = session;
            for (int depth = 0; depth < 10 && current != null && year == null; depth++) {
                var parent = current.parent();
                if (parent == null) {
                    break;
                }
                var parentSession = staged.get(parent);
                if (parentSession != null && parentSession.type().equals("schoolYear")) {
                    year = parent;
                } else if (parentSession == null && existingYears.containsKey(parent)) {
                    year = parent;
                } else if (parentSession == null && existingTerms.containsKey(parent)) {
                    year = existingTerms.get(parent);
                } else if (parentSession == null) {
                    report.error(
                            OneRosterFile.ACADEMIC_SESSIONS.fileName(),
                            session.line(),
                            "parentSourcedId",
                            parent,
                            "The parent session is neither in the package nor in Cadre");
                    current = null;
                    year = "";
                }
                current = parentSession;
            }
            if (year == null && session.year() != null) {
                for (var candidate : staged.values()) {
                    if (candidate.type().equals("schoolYear") && session.year().equals(candidate.year())) {
                        year = candidate.id();
                    }
                }
                if (year == null) {
                    for (var entry : existingYears.entrySet()) {
                        if (entry.getValue().equals(session.year())) {
                            year = entry.getKey();
                        }
                    }
                }
            }
            if (year == null) {
                report.error(
                        OneRosterFile.ACADEMIC_SESSIONS.fileName(),
                        session.line(),
                        "parentSourcedId",
                        session.parent(),
                        "The " + session.type() + " belongs to no school year in the package or in Cadre");
            } else if (!year.isEmpty()) {
                updates.add(new Object[] {year, session.id()});
            }
        }
        for (var update : updates) {
            jdbc.sql("update stg_sessions set year_source = ? where sourced_id = ?")
                    .params(update)
                    .update();
        }
        issues(OneRosterFile.ACADEMIC_SESSIONS, true, """
                select line, 'title' as col, title as val, 'Another school year already has this title' as reason
                from (select line, title, sourced_id, row_number() over (partition by title order by line) as n
                      from stg_sessions where type = 'schoolYear') s
                where n > 1 or exists (select 1 from organization.school_year y where y.name = s.title and y.source_id <> s.sourced_id
                                       and not exists (select 1 from stg_sessions o where o.sourced_id = y.source_id))
                """);
        issues(OneRosterFile.ACADEMIC_SESSIONS, false, """
                select line, 'status' as col, status as val, 'Cadre keeps school years and terms; tobedeleted was ignored' as reason
                from stg_sessions where status = 'tobedeleted'
                """);
    }

    private void users() {
        jdbc.sql("""
                create temp table stg_kind on commit drop as
                select u.sourced_id, u.line,
                       case when bool_or(r.role = 'student') and bool_or(r.role not in ('student', 'guardian', 'parent', 'relative')) then 'BOTH'
                            when bool_or(r.role = 'student') then 'STUDENT'
                            when bool_or(r.role not in ('student', 'guardian', 'parent', 'relative')) then 'STAFF'
                            when bool_or(r.role in ('guardian', 'parent', 'relative')) then 'GUARDIAN'
                            when exists (select 1 from organization.staff s where s.source_id = u.sourced_id) then 'STAFF'
                            when exists (select 1 from organization.student s where s.source_id = u.sourced_id) then 'STUDENT'
                            else 'NONE' end as kind
                from stg_users u left join stg_roles r on r.user_id = u.sourced_id
                group by u.sourced_id, u.line
                """).update();
        jdbc.sql("create index on stg_kind (sourced_id)").update();
        jdbc.sql("analyze stg_kind").update();
        issues(OneRosterFile.USERS, true, """
                select line, 'sourcedId' as col, sourced_id as val,
                       case kind when 'BOTH' then 'The user has both a student role and a staff role in roles.csv; Cadre keeps students and staff apart'
                                 else 'The user has no role in roles.csv and is not in Cadre, so Cadre cannot tell student from staff' end as reason
                from stg_kind where kind in ('BOTH', 'NONE') order by line
                """);
        issues(OneRosterFile.USERS, false, """
                select line, 'sourcedId' as col, sourced_id as val,
                       'Guardians, parents and relatives are not kept by Cadre; the row was skipped' as reason, true as rejected
                from stg_kind where kind = 'GUARDIAN' order by line
                """);
        issues(OneRosterFile.USERS, true, """
                select k.line, 'sourcedId' as col, k.sourced_id as val,
                       case k.kind when 'STUDENT' then 'The user is a staff member in Cadre but a student in the package'
                                   else 'The user is a student in Cadre but staff in the package' end as reason
                from stg_kind k
                where (k.kind = 'STUDENT' and exists (select 1 from organization.staff s where s.source_id = k.sourced_id))
                   or (k.kind = 'STAFF' and exists (select 1 from organization.student s where s.source_id = k.sourced_id))
                """);
        issues(OneRosterFile.USERS, true, """
                select line, 'email' as col, email as val, 'Another staff member in the package has this email (line ' || first_line || ')' as reason
                from (select u.line, u.email, min(u.line) over (partition by lower(u.email)) as first_line,
                             row_number() over (partition by lower(u.email) order by u.line) as n
                      from stg_users u join stg_kind k on k.sourced_id = u.sourced_id
                      where k.kind = 'STAFF' and u.email is not null) d
                where n > 1 order by line
                """);
        issues(OneRosterFile.USERS, true, """
                select u.line, 'email' as col, u.email as val,
                       'Staff member ' || s.source_id || ' in Cadre already has this email' as reason
                from stg_users u join stg_kind k on k.sourced_id = u.sourced_id and k.kind = 'STAFF'
                join organization.staff s on lower(s.email) = lower(u.email) and s.source_id <> u.sourced_id
                where not exists (select 1 from stg_users o where o.sourced_id = s.source_id)
                order by u.line
                """);
        issues(OneRosterFile.USERS, true, """
                select line, 'identifier' as col, identifier as val, 'Another staff member in the package has this identifier (line ' || first_line || ')' as reason
                from (select u.line, u.identifier, min(u.line) over (partition by u.identifier) as first_line,
                             row_number() over (partition by u.identifier order by u.line) as n
                      from stg_users u join stg_kind k on k.sourced_id = u.sourced_id
                      where k.kind = 'STAFF' and u.identifier is not null) d
                where n > 1 order by line
                """);
        issues(OneRosterFile.USERS, true, """
                select u.line, 'identifier' as col, u.identifier as val,
                       'Staff member ' || s.source_id || ' in Cadre already has this employee id' as reason
                from stg_users u join stg_kind k on k.sourced_id = u.sourced_id and k.kind = 'STAFF'
                join organization.staff s on s.employee_id = u.identifier and s.source_id <> u.sourced_id
                where not exists (select 1 from stg_users o where o.sourced_id = s.source_id)
                order by u.line
                """);
        issues(OneRosterFile.USERS, true, """
                select u.line, 'primaryOrgSourcedId' as col, u.primary_org as val,
                       'The primary org is neither in the package nor in Cadre' as reason
                from stg_users u
                where u.primary_org is not null
                  and not exists (select 1 from stg_orgs o where o.sourced_id = u.primary_org)
                  and not exists (select 1 from organization.network n where n.source_id = u.primary_org)
                  and not exists (select 1 from organization.region r where r.source_id = u.primary_org)
                  and not exists (select 1 from organization.campus c where c.source_id = u.primary_org)
                order by u.line
                """);
    }

    private void roles() {
        issues(OneRosterFile.ROLES, true, """
                select r.line, 'userSourcedId' as col, r.user_id as val, 'The user is neither in the package nor in Cadre' as reason
                from stg_roles r
                where not exists (select 1 from stg_users u where u.sourced_id = r.user_id)
                  and not exists (select 1 from organization.staff s where s.source_id = r.user_id)
                  and not exists (select 1 from organization.student s where s.source_id = r.user_id)
                order by r.line
                """);
        issues(OneRosterFile.ROLES, true, """
                select r.line, 'orgSourcedId' as col, r.org as val, 'The org is neither in the package nor in Cadre' as reason
                from stg_roles r
                where not exists (select 1 from stg_orgs o where o.sourced_id = r.org)
                  and not exists (select 1 from organization.network n where n.source_id = r.org)
                  and not exists (select 1 from organization.region g where g.source_id = r.org)
                  and not exists (select 1 from organization.campus c where c.source_id = r.org)
                order by r.line
                """);
        issues(OneRosterFile.ROLES, true, """
                select r.line, 'orgSourcedId' as col, r.org as val,
                       'A ' || r.role || ' role belongs to a school; this org is not one' as reason
                from stg_roles r
                join roster_role m on m.oneroster = r.role and not m.network_wide
                where not exists (select 1 from stg_orgs o where o.sourced_id = r.org and o.type = 'school')
                  and not exists (select 1 from organization.campus c where c.source_id = r.org
                                  and not exists (select 1 from stg_orgs o where o.sourced_id = r.org))
                order by r.line
                """);
        issues(OneRosterFile.ROLES, false, """
                select r.line, 'role' as col, r.role as val,
                       'Cadre has no role for a ' || r.role || '; the person is kept without one' as reason
                from stg_roles r
                where r.role not in ('student', 'guardian', 'parent', 'relative')
                  and not exists (select 1 from roster_role m where m.oneroster = r.role)
                order by r.line
                """);
    }

    private void courses() {
        issues(OneRosterFile.COURSES, true, """
                select c.line, 'schoolYearSourcedId' as col, c.school_year as val,
                       'The school year is neither in the package nor in Cadre' as reason
                from stg_courses c
                where c.school_year is not null
                  and not exists (select 1 from stg_sessions s where s.sourced_id = c.school_year and s.type = 'schoolYear')
                  and not exists (select 1 from organization.school_year y where y.source_id = c.school_year)
                order by c.line
                """);
        issues(OneRosterFile.COURSES, true, """
                select c.line, 'orgSourcedId' as col, c.org as val, 'The org is neither in the package nor in Cadre' as reason
                from stg_courses c
                where not exists (select 1 from stg_orgs o where o.sourced_id = c.org)
                  and not exists (select 1 from organization.network n where n.source_id = c.org)
                  and not exists (select 1 from organization.region g where g.source_id = c.org)
                  and not exists (select 1 from organization.campus s where s.source_id = c.org)
                order by c.line
                """);
        issues(OneRosterFile.COURSES, false, """
                select line, 'status' as col, status as val, 'Cadre keeps courses; tobedeleted was ignored' as reason
                from stg_courses where status = 'tobedeleted'
                """);
    }

    private void classes() {
        issues(OneRosterFile.CLASSES, true, """
                select c.line, 'courseSourcedId' as col, c.course as val, 'The course is neither in the package nor in Cadre' as reason
                from stg_classes c
                where not exists (select 1 from stg_courses o where o.sourced_id = c.course)
                  and not exists (select 1 from organization.course o where o.source_id = c.course)
                order by c.line
                """);
        issues(OneRosterFile.CLASSES, true, """
                select c.line, 'schoolSourcedId' as col, c.school as val, 'The school is neither in the package nor in Cadre' as reason
                from stg_classes c
                where not exists (select 1 from stg_orgs o where o.sourced_id = c.school and o.type = 'school')
                  and not exists (select 1 from organization.campus o where o.source_id = c.school)
                order by c.line
                """);
        issues(OneRosterFile.CLASSES, true, """
                select c.line, 'termSourcedIds' as col, c.term as val,
                       case when exists (select 1 from stg_sessions s where s.sourced_id = c.term and s.type = 'schoolYear')
                                 or exists (select 1 from organization.school_year y where y.source_id = c.term)
                            then 'Cadre places a class in a term; this session is a whole school year'
                            else 'The term is neither in the package nor in Cadre' end as reason
                from stg_classes c
                where not exists (select 1 from stg_sessions s where s.sourced_id = c.term and s.type <> 'schoolYear')
                  and not exists (select 1 from organization.term t where t.source_id = c.term)
                order by c.line
                """);
    }

    /** The checks of the enrollments, after {@link #run}: they look users up by the kind it found. */
    void enrollments() {
        duplicates(OneRosterFile.ENROLLMENTS);
        issues(OneRosterFile.ENROLLMENTS, true, """
                select e.line, 'classSourcedId' as col, e.class as val, 'The class is neither in the package nor in Cadre' as reason
                from stg_enrollments e
                where not exists (select 1 from stg_classes c where c.sourced_id = e.class)
                  and not exists (select 1 from organization.class_section c where c.source_id = e.class)
                order by e.line
                """);
        issues(OneRosterFile.ENROLLMENTS, true, """
                select e.line, 'schoolSourcedId' as col, e.school as val, 'The school is neither in the package nor in Cadre' as reason
                from stg_enrollments e
                where not exists (select 1 from stg_orgs o where o.sourced_id = e.school)
                  and not exists (select 1 from organization.campus c where c.source_id = e.school)
                order by e.line
                """);
        issues(OneRosterFile.ENROLLMENTS, true, """
                select e.line, 'userSourcedId' as col, e.user_id as val,
                       case when k.kind is null and s.id is null and t.id is null then 'The user is neither in the package nor in Cadre'
                            when e.role = 'student' then 'The user is enrolled as a student but is not one'
                            else 'The user teaches the class but is not a staff member' end as reason
                from stg_enrollments e
                left join stg_kind k on k.sourced_id = e.user_id
                left join organization.student s on s.source_id = e.user_id
                left join organization.staff t on t.source_id = e.user_id
                where e.role in ('student', 'teacher')
                  and not (case when e.role = 'student' then coalesce(k.kind = 'STUDENT', s.id is not null)
                                else coalesce(k.kind = 'STAFF', t.id is not null) end)
                order by e.line
                """);
        // One 64-bit hash of the three values sorts several times faster than the three texts (2.4 s for the demo
        // network's 2 million enrollments); two different triples with the same hash only cost the grouping query,
        // which finds no duplicate.
        if (!unique(
                ValueChecks.rawTable(OneRosterFile.ENROLLMENTS),
                "(hashtextextended(\"classSourcedId\" || E'\\n' || \"userSourcedId\" || E'\\n' || role, 0))",
                " where role in ('student', 'teacher')")) {
            issues(OneRosterFile.ENROLLMENTS, true, """
                select line, 'userSourcedId' as col, user_id as val,
                       'The user is enrolled in the class twice (first on line ' || first_line || ')' as reason
                from (select line, user_id, min(line) over (partition by class, user_id, role) as first_line,
                             row_number() over (partition by class, user_id, role order by line) as n
                      from stg_enrollments
                      where (class, user_id, role) in (select class, user_id, role from stg_enrollments
                                                       where role in ('student', 'teacher')
                                                       group by class, user_id, role having count(*) > 1)) d
                where n > 1 order by line
                """);
        }
        issues(OneRosterFile.ENROLLMENTS, false, """
                select line, 'role' as col, role as val,
                       'Cadre keeps students and teachers of record; a ' || role || ' enrollment was skipped' as reason, true as rejected
                from stg_enrollments where role not in ('student', 'teacher') order by line
                """);
    }
}
