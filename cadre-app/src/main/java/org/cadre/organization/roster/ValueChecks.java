package org.cadre.organization.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The checks of each value of a staged file, run in SQL on its raw staging table ({@code raw_…}: the line, then
 * every column of the binding as text, NULL when blank): required values, dates, booleans, years, numbers and
 * enumerations, each reported with file, line, column, value and reason. One scan of the table finds the rows with
 * any issue; only those are taken apart, one issue per row and check. A package without errors is then converted
 * into the typed staging tables ({@code stg_…}) that the package checks and the writer read.
 */
final class ValueChecks {

    private static final Logger log = LoggerFactory.getLogger(ValueChecks.class);

    static final Set<String> ORG_TYPES = Set.of("department", "district", "local", "national", "school", "state");
    static final Set<String> SESSION_TYPES = Set.of("gradingPeriod", "semester", "schoolYear", "term");
    static final Set<String> ROLES = Set.of(
            "aide",
            "counselor",
            "districtAdministrator",
            "guardian",
            "parent",
            "principal",
            "proctor",
            "relative",
            "siteAdministrator",
            "student",
            "systemAdministrator",
            "teacher");
    static final Set<String> ENROLLMENT_ROLES = Set.of("administrator", "proctor", "student", "teacher");
    static final Set<String> LEVELS = Set.of("ELEMENTARY", "MIDDLE", "HIGH", "K12");

    /**
     * A date written YYYY-MM-DD with a month and day that can exist; days past the 28th are asked of PostgreSQL. The
     * patterns read the same in PostgreSQL and in Java ({@link StreamedEnrollments} checks with them too).
     */
    static final String DATE_PATTERN = "^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$";

    static final String DATE_TIME_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}"
            + "(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2}(:[0-9]{2})?)?)?$";
    /** What {@code java.math.BigDecimal} reads: an optional sign, digits with an optional point, an exponent. */
    static final String NUMBER_PATTERN = "^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]{1,4})?$";

    /** The instructional weights a teacher of record may carry, as the table's check constraint has them. */
    static final String LEAST_WEIGHT = "0.1";

    static final String MOST_WEIGHT = "1";

    private static final String DATE = literal(DATE_PATTERN);
    private static final String DATE_TIME = literal(DATE_TIME_PATTERN);
    private static final String NUMBER = literal(NUMBER_PATTERN);

    /** One check: when {@code failing} (SQL, on the raw row) holds, the row has the issue. */
    private record Check(boolean warning, String column, String value, String failing, String reason) {}

    private final JdbcClient jdbc;
    private final ImportReport report;

    ValueChecks(JdbcClient jdbc, ImportReport report) {
        this.jdbc = jdbc;
        this.report = report;
    }

    static String rawTable(OneRosterFile file) {
        return "raw_" + file.manifestName().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The raw staging table of every file, dropped when the import's transaction ends either way. Its texts compare
     * byte by byte (collation C): analysing, grouping and comparing millions of raw values needs no language rules.
     */
    static String rawTables() {
        var sql = new StringBuilder();
        for (var file : OneRosterFile.values()) {
            sql.append("create temp table ")
                    .append(rawTable(file))
                    .append(" (line bigint, ")
                    .append(file.header().stream()
                            .map(c -> q(c) + " text collate \"C\"")
                            .collect(Collectors.joining(", ")))
                    .append(") on commit drop;\n");
        }
        return sql.toString();
    }

    /**
     * The typed staging rows of the enrollments, read from their raw table: the values are checked there before
     * anything reads them, so the casts cannot fail. A view and not a copy, because writing 2 million rows a second
     * time cost more than casting the few columns each later statement reads. The dates are looked up among the
     * file's distinct dates, parsed once each when the values were checked ({@code stg_enrollment_dates}): parsing 4
     * million dates cost a second; a statement that reads no date does not join them at all (their key is unique).
     * Dropped with the raw table when the import's transaction ends.
     */
    static String enrollmentsView() {
        return """
                create temp table stg_enrollment_dates (v text collate "C" primary key, d date) on commit drop;
                create temp view stg_enrollments as
                select r.line, r."sourcedId" as sourced_id, coalesce(r.status, 'active') as status,
                       r."classSourcedId" as class, r."schoolSourcedId" as school, r."userSourcedId" as user_id, r.role,
                       case r."primary" when 'true' then true when 'false' then false end as is_primary,
                       b.d as begin_date, e.d as end_date,
                       r."metadata.cadre.instructionalWeight"::numeric(3, 2) as weight
                from raw_enrollments r
                left join stg_enrollment_dates b on b.v = r."beginDate"
                left join stg_enrollment_dates e on e.v = r."endDate";
                """;
    }

    /** Reports every issue of the file's values, in line order. */
    void check(OneRosterFile file, boolean delta) {
        var checks = checks(file, delta);
        var values = new ArrayList<String>();
        for (int i = 0; i < checks.size(); i++) {
            var c = checks.get(i);
            values.add("(%d, %s, %s, %s::text, case when %s then %s end)"
                    .formatted(
                            i,
                            c.warning(),
                            literal(c.column()),
                            c.value() == null ? "null" : c.value(),
                            c.failing(),
                            c.reason()));
        }
        // Dates and times are parsed once per distinct value, not once per row: a file of millions of rows holds a
        // few hundred dates. The rows then only look their values up among the bad ones.
        long started = System.nanoTime();
        // Statistics let the planner group the dates by hashing, not by sorting millions of rows.
        jdbc.sql("analyze " + rawTable(file)).update();
        jdbc.sql("create temp table distinct_value on commit drop as " + distinctValues(file))
                .update();
        jdbc.sql("create temp table bad_value on commit drop as " + badValues(file))
                .update();
        jdbc.sql("analyze bad_value").update();
        if (file == OneRosterFile.ENROLLMENTS) {
            jdbc.sql("""
                            insert into stg_enrollment_dates
                            select v, v::date from (select c0 as v from distinct_value union select c1 from distinct_value) d
                            where v ~ %s and pg_input_is_valid(v, 'date')
                            """.formatted(DATE)).update();
            jdbc.sql("analyze stg_enrollment_dates").update();
        }
        jdbc.sql("drop table distinct_value").update();
        long found = System.nanoTime();
        // A check whose values are missing is null, never true; so is the disjunction unless another check holds.
        var anyFailing = checks.stream().map(c -> "(" + c.failing() + ")").collect(Collectors.joining("\n or "));
        jdbc.sql("""
                        select r.line, i.warning, i.col, i.val, i.reason
                        from (select * from %s where %s) r
                        cross join lateral (values %s) as i(n, warning, col, val, reason)
                        where i.reason is not null
                        order by r.line, i.n
                        """.formatted(rawTable(file), anyFailing, String.join(",\n", values)))
                .query(rs -> {
                    if (rs.getBoolean(2)) {
                        report.warning(
                                file.fileName(), rs.getLong(1), rs.getString(3), rs.getString(4), rs.getString(5));
                    } else {
                        report.error(file.fileName(), rs.getLong(1), rs.getString(3), rs.getString(4), rs.getString(5));
                    }
                });
        jdbc.sql("drop table bad_value").update();
        log.debug(
                "{}: bad dates found in {} s, values checked in {} s",
                file.fileName(),
                RosterImports.seconds(found - started),
                RosterImports.seconds(System.nanoTime() - found));
    }

    /**
     * The distinct values of the file's date columns ({@code c0}, {@code c1} …) and of dateLastModified (the last),
     * in one scan that groups each column apart (grouping sets). Kept in a table of their own, so that the planner
     * cannot push the checks of {@link #badValues} down into the scan, where they ran on each of millions of rows
     * (4–5 s for the enrollments of the demo network) instead of on a few hundred values.
     */
    private static String distinctValues(OneRosterFile file) {
        var columns = new ArrayList<>(dateColumns(file));
        columns.add("dateLastModified");
        var sql = new StringBuilder("select ");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append(q(columns.get(i)))
                    .append(" as c")
                    .append(i);
        }
        sql.append(" from ").append(rawTable(file)).append(" group by grouping sets (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "(" : ", (").append(i + 1).append(")");
        }
        return sql.append(")").toString();
    }

    /** The distinct values of the file's date columns that are no date, and of dateLastModified that are no time. */
    private static String badValues(OneRosterFile file) {
        int time = dateColumns(file).size();
        var sql = new StringBuilder();
        if (time > 0) {
            sql.append("select 'date' as kind, v from (")
                    .append(java.util.stream.IntStream.range(0, time)
                            .mapToObj(i -> "select c" + i + " as v from distinct_value")
                            .collect(Collectors.joining(" union ")))
                    .append(") x where v is not null and not (v ~ %s and pg_input_is_valid(v, 'date'))\n"
                            .formatted(DATE))
                    .append("union all\n");
        }
        return sql.append(
                        "select 'time' as kind, c%1$d as v from distinct_value where c%1$d is not null and not (c%1$d ~ %2$s and pg_input_is_valid(c%1$d, 'timestamptz'))"
                                .formatted(time, DATE_TIME))
                .toString();
    }

    private static List<String> dateColumns(OneRosterFile file) {
        return switch (file) {
            case ACADEMIC_SESSIONS -> List.of("startDate", "endDate");
            case USERS -> List.of("metadata.cadre.hireDate");
            case ROLES, ENROLLMENTS -> List.of("beginDate", "endDate");
            case ORGS, COURSES, CLASSES -> List.of();
        };
    }

    /**
     * Fills the file's typed staging table from its raw one, which is dropped; only for values that passed. The
     * enrollments, millions of rows where every other file has thousands, are not copied: {@link #enrollmentsView()}
     * reads their raw rows as typed ones.
     */
    void convert(OneRosterFile file) {
        var first = "nullif(btrim(split_part(%s, ',', 1), E' \\t\\n\\r\\f'), '')";
        var bool = "case %s when 'true' then true when 'false' then false end";
        var sql = switch (file) {
            case ORGS -> """
                    insert into stg_orgs (line, sourced_id, status, name, type, identifier, parent, level)
                    select line, "sourcedId", coalesce(status, 'active'), name, type, identifier, "parentSourcedId",
                           "metadata.cadre.level"
                    from raw_orgs""";
            case ACADEMIC_SESSIONS -> """
                    insert into stg_sessions (line, sourced_id, status, title, type, start_date, end_date, parent, school_year)
                    select line, "sourcedId", coalesce(status, 'active'), title, type, "startDate"::date, "endDate"::date,
                           "parentSourcedId", "schoolYear"::int
                    from raw_academicsessions""";
            case USERS -> """
                    insert into stg_users (line, sourced_id, status, enabled, given_name, family_name, identifier, email,
                                           grade, primary_org, pay_band, hire_date)
                    select line, "sourcedId", coalesce(status, 'active'), "enabledUser" = 'true', "givenName", "familyName",
                           identifier, btrim(email), %s, "primaryOrgSourcedId", "metadata.cadre.payBand",
                           "metadata.cadre.hireDate"::date
                    from raw_users""".formatted(first.formatted("grades"));
            case ROLES -> """
                    insert into stg_roles (line, sourced_id, status, user_id, role_type, role, begin_date, end_date, org)
                    select line, "sourcedId", coalesce(status, 'active'), "userSourcedId", "roleType", role,
                           "beginDate"::date, "endDate"::date, "orgSourcedId"
                    from raw_roles""";
            case COURSES ->
                """
                    insert into stg_courses (line, sourced_id, status, school_year, title, code, grade, org, subject, tested)
                    select line, "sourcedId", coalesce(status, 'active'), "schoolYearSourcedId", title,
                           coalesce("courseCode", "sourcedId"), %s, "orgSourcedId", %s, %s
                    from raw_courses""".formatted(
                                first.formatted("grades"),
                                first.formatted("subjects"),
                                bool.formatted("\"metadata.cadre.tested\""));
            case CLASSES -> """
                    insert into stg_classes (line, sourced_id, status, title, course, school, term, period)
                    select line, "sourcedId", coalesce(status, 'active'), title, "courseSourcedId", "schoolSourcedId",
                           %s, periods
                    from raw_classes""".formatted(first.formatted("\"termSourcedIds\""));
            // Read through the view stg_enrollments (see enrollmentsView): written once, not twice.
            case ENROLLMENTS -> null;
        };
        if (sql == null) {
            return;
        }
        jdbc.sql(sql).update();
        jdbc.sql("drop table " + rawTable(file)).update();
    }

    private static List<Check> checks(OneRosterFile file, boolean delta) {
        var checks = new ArrayList<Check>();
        required(checks, "sourcedId");
        oneOf(checks, "status", Set.of("active", "tobedeleted"), delta, false);
        if (delta) {
            checks.add(new Check(
                    false,
                    "dateLastModified",
                    null,
                    "\"dateLastModified\" is null",
                    literal("dateLastModified is required in a delta file")));
        }
        checks.add(new Check(
                false,
                "dateLastModified",
                q("dateLastModified"),
                "\"dateLastModified\" in (select v from bad_value where kind = 'time')",
                literal("dateLastModified must be an ISO 8601 date and time such as 2026-08-01T00:00:00.000Z")));
        switch (file) {
            case ORGS -> {
                checks.add(new Check(
                        false,
                        "parentSourcedId",
                        q("parentSourcedId"),
                        "\"parentSourcedId\" = \"sourcedId\"",
                        literal("An org cannot be its own parent")));
                required(checks, "name");
                oneOf(checks, "type", ORG_TYPES, true, true);
                oneOf(checks, "metadata.cadre.level", LEVELS, false, false);
            }
            case ACADEMIC_SESSIONS -> {
                date(checks, "startDate", true);
                date(checks, "endDate", true);
                checks.add(new Check(
                        false,
                        "endDate",
                        q("endDate"),
                        before("endDate", "startDate", true),
                        "'The session ends on or before the day it starts (' || \"startDate\" || ')'"));
                required(checks, "title");
                oneOf(checks, "type", SESSION_TYPES, true, true);
                required(checks, "schoolYear");
                checks.add(new Check(
                        false,
                        "schoolYear",
                        q("schoolYear"),
                        "\"schoolYear\" !~ '^[0-9]{4}$'",
                        literal("schoolYear must be a year of four digits")));
            }
            case USERS -> {
                checks.add(new Check(
                        false,
                        "email",
                        "email",
                        "email !~ '^[^@[:space:]]+@[^@[:space:]]+$'",
                        literal("The email address is not valid")));
                bool(checks, "enabledUser", true);
                required(checks, "givenName");
                required(checks, "familyName");
                date(checks, "metadata.cadre.hireDate", false);
            }
            case ROLES -> {
                beginAndEnd(checks, "The role");
                required(checks, "userSourcedId");
                oneOf(checks, "roleType", Set.of("primary", "secondary"), true, false);
                oneOf(checks, "role", ROLES, true, true);
                required(checks, "orgSourcedId");
            }
            case COURSES -> {
                checks.add(new Check(
                        true,
                        "courseCode",
                        null,
                        "\"courseCode\" is null and \"sourcedId\" is not null",
                        literal("No course code; Cadre uses the sourcedId as the code")));
                required(checks, "title");
                required(checks, "orgSourcedId");
                bool(checks, "metadata.cadre.tested", false);
            }
            case CLASSES -> {
                required(checks, "termSourcedIds");
                checks.add(new Check(
                        true,
                        "termSourcedIds",
                        q("termSourcedIds"),
                        "\"termSourcedIds\" like '%,%'",
                        literal("Cadre keeps one term per class: the first")));
                oneOf(checks, "classType", Set.of("homeroom", "scheduled"), true, true);
                required(checks, "title");
                required(checks, "courseSourcedId");
                required(checks, "schoolSourcedId");
            }
            case ENROLLMENTS -> {
                beginAndEnd(checks, "The enrollment");
                required(checks, "classSourcedId");
                required(checks, "schoolSourcedId");
                required(checks, "userSourcedId");
                oneOf(checks, "role", ENROLLMENT_ROLES, true, true);
                bool(checks, "primary", false);
                var weight = q("metadata.cadre.instructionalWeight");
                checks.add(new Check(
                        false,
                        "metadata.cadre.instructionalWeight",
                        weight,
                        "%s !~ %s".formatted(weight, NUMBER),
                        literal("metadata.cadre.instructionalWeight must be a number")));
                checks.add(new Check(
                        false,
                        "metadata.cadre.instructionalWeight",
                        weight,
                        "case when %1$s ~ %2$s then %1$s::numeric not between %3$s and %4$s end"
                                .formatted(weight, NUMBER, LEAST_WEIGHT, MOST_WEIGHT),
                        literal("metadata.cadre.instructionalWeight must be between " + LEAST_WEIGHT + " and "
                                + MOST_WEIGHT)));
            }
        }
        return checks;
    }

    private static void required(List<Check> checks, String column) {
        checks.add(new Check(false, column, null, q(column) + " is null", literal(column + " is required")));
    }

    /** One of the allowed tokens, or an extension token ({@code ext:…}) when {@code extensible}. */
    private static void oneOf(
            List<Check> checks, String column, Set<String> allowed, boolean required, boolean extensible) {
        if (required) {
            required(checks, column);
        }
        var tokens = new TreeSet<>(allowed);
        checks.add(new Check(
                false,
                column,
                q(column),
                q(column) + " not in ("
                        + tokens.stream().map(ValueChecks::literal).collect(Collectors.joining(", ")) + ")"
                        + (extensible ? " and " + q(column) + " not like 'ext:_%'" : ""),
                literal(column + " must be one of " + String.join(", ", tokens)
                        + (extensible ? " (or an ext: extension)" : ""))));
    }

    private static void date(List<Check> checks, String column, boolean required) {
        if (required) {
            required(checks, column);
        }
        checks.add(new Check(
                false,
                column,
                q(column),
                q(column) + " in (select v from bad_value where kind = 'date')",
                literal(column + " must be a date written YYYY-MM-DD")));
    }

    private static String isDate(String column) {
        return "(%1$s ~ %2$s and (right(%1$s, 2) <= '28' or pg_input_is_valid(%1$s, 'date')))"
                .formatted(q(column), DATE);
    }

    /**
     * Whether {@code later} is before {@code earlier} (or the same day, {@code orSame}), both valid dates. Dates
     * written YYYY-MM-DD compare as text, so the dates are only parsed for the rare rows that compare wrong.
     */
    private static String before(String later, String earlier, boolean orSame) {
        return "(%s collate \"C\" %s %s collate \"C\" and %s and %s)"
                .formatted(q(later), orSame ? "<=" : "<", q(earlier), isDate(earlier), isDate(later));
    }

    private static void bool(List<Check> checks, String column, boolean required) {
        if (required) {
            required(checks, column);
        }
        checks.add(new Check(
                false,
                column,
                q(column),
                q(column) + " not in ('true', 'false')",
                literal(column + " must be true or false")));
    }

    private static void beginAndEnd(List<Check> checks, String what) {
        date(checks, "beginDate", false);
        date(checks, "endDate", false);
        checks.add(new Check(
                false,
                "endDate",
                q("endDate"),
                before("endDate", "beginDate", false),
                "'" + what + " ends before it begins (' || \"beginDate\" || ')'"));
    }

    private static String q(String column) {
        return '"' + column + '"';
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
