package org.cadre.organization.roster;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The first, streaming pass of an import: reads the manifest, then every file the manifest declares, one
 * record at a time, checks each value (required, types, dates, enumerations) and copies the good rows into
 * temporary staging tables of the import's transaction. Nothing of the roster itself is written here; the
 * checks that need the whole package (duplicates, references) run on the staging tables afterwards.
 */
final class PackageStaging {

    enum Mode {
        ABSENT,
        BULK,
        DELTA
    }

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

    /** The staging tables, dropped when the import's transaction ends either way. */
    static final String TABLES = """
            create temp table stg_orgs (line bigint, sourced_id text, status text, name text, type text,
                identifier text, parent text, level text) on commit drop;
            create temp table stg_sessions (line bigint, sourced_id text, status text, title text, type text,
                start_date date, end_date date, parent text, school_year integer, year_source text) on commit drop;
            create temp table stg_users (line bigint, sourced_id text, status text, enabled boolean,
                given_name text, family_name text, identifier text, email text, grade text, primary_org text,
                pay_band text, hire_date date) on commit drop;
            create temp table stg_roles (line bigint, sourced_id text, status text, user_id text, role_type text,
                role text, begin_date date, end_date date, org text) on commit drop;
            create temp table stg_courses (line bigint, sourced_id text, status text, school_year text, title text,
                code text, grade text, org text, subject text, tested boolean) on commit drop;
            create temp table stg_classes (line bigint, sourced_id text, status text, title text, course text,
                school text, term text, period text) on commit drop;
            create temp table stg_enrollments (line bigint, sourced_id text, status text, class text, school text,
                user_id text, role text, is_primary boolean, begin_date date, end_date date, weight numeric(3, 2))
                on commit drop;
            """;

    private static final BigDecimal MIN_WEIGHT = new BigDecimal("0.1");
    private static final BigDecimal MAX_WEIGHT = BigDecimal.ONE;

    private final RosterPackage pack;
    private final ImportReport report;
    private final CopyManager copy;
    private final LongConsumer progress;
    private final Map<OneRosterFile, Mode> modes = new EnumMap<>(OneRosterFile.class);
    /** Which extension columns each file brought; a value is only changed by a file that has its column. */
    private final Set<String> extensionsPresent = new java.util.HashSet<>();

    private long rows;

    PackageStaging(RosterPackage pack, ImportReport report, CopyManager copy, LongConsumer progress) {
        this.pack = pack;
        this.report = report;
        this.copy = copy;
        this.progress = progress;
        for (var file : OneRosterFile.values()) {
            modes.put(file, Mode.ABSENT);
        }
    }

    static void createTables(JdbcClient jdbc) {
        for (var statement : (TABLES + RosterRoles.table()).split(";")) {
            if (!statement.isBlank()) {
                jdbc.sql(statement).update();
            }
        }
    }

    Mode mode(OneRosterFile file) {
        return modes.get(file);
    }

    boolean hasExtension(String column) {
        return extensionsPresent.contains(column);
    }

    long rows() {
        return rows;
    }

    /** Reads the manifest and stages every declared file. */
    void stage() throws IOException, SQLException {
        if (!readManifest()) {
            return;
        }
        for (var file : OneRosterFile.values()) {
            report.counts(file).mode = modes.get(file).name().toLowerCase();
            if (modes.get(file) != Mode.ABSENT) {
                stage(file);
            }
        }
    }

    private boolean readManifest() throws IOException {
        var in = pack.open(OneRosterFile.MANIFEST);
        if (in.isEmpty()) {
            report.error(
                    OneRosterFile.MANIFEST,
                    null,
                    null,
                    null,
                    "The package has no manifest.csv; every OneRoster package starts with one");
            return false;
        }
        var declared = new java.util.HashSet<String>();
        try (var csv = CsvFile.open(OneRosterFile.MANIFEST, in.get())) {
            if (!csv.has("propertyName") || !csv.has("value")) {
                report.error(
                        OneRosterFile.MANIFEST,
                        1L,
                        null,
                        String.join(",", csv.header()),
                        "The manifest's header must be propertyName,value");
                return false;
            }
            var properties = new java.util.HashMap<String, String>();
            for (var record = csv.next(); record != null; record = csv.next()) {
                var row = new StagingRow(csv, record, report);
                var name = row.required("propertyName");
                var value = row.text("value");
                if (name == null) {
                    continue;
                }
                if (properties.put(name, value == null ? "" : value) != null) {
                    report.error(
                            OneRosterFile.MANIFEST, csv.line(), "propertyName", name, "The property is declared twice");
                }
                if (name.startsWith("file.")) {
                    var fileName = name.substring(5);
                    declared.add(fileName + ".csv");
                    Mode mode;
                    try {
                        mode = Mode.valueOf(value == null ? "" : value.toUpperCase(java.util.Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        report.error(
                                OneRosterFile.MANIFEST, csv.line(), "value", value, "A file is absent, bulk or delta");
                        continue;
                    }
                    if (!value.equals(value.toLowerCase(java.util.Locale.ROOT))) {
                        report.error(
                                OneRosterFile.MANIFEST, csv.line(), "value", value, "A file is absent, bulk or delta");
                        continue;
                    }
                    var known = OneRosterFile.byManifestName(fileName);
                    if (known.isPresent()) {
                        modes.put(known.get(), mode);
                        if (mode != Mode.ABSENT && !pack.fileNames().contains(fileName + ".csv")) {
                            report.error(
                                    fileName + ".csv",
                                    null,
                                    null,
                                    null,
                                    "The manifest declares " + fileName + ".csv as " + value
                                            + " but the package has no such file");
                        }
                        if (mode == Mode.ABSENT && pack.fileNames().contains(fileName + ".csv")) {
                            report.warning(
                                    fileName + ".csv",
                                    null,
                                    null,
                                    null,
                                    "The manifest declares the file absent, so it was not read");
                        }
                    } else if (mode != Mode.ABSENT) {
                        report.warning(
                                fileName + ".csv",
                                null,
                                null,
                                null,
                                OneRosterFile.NOT_KEPT.contains(fileName)
                                        ? "Cadre does not keep " + fileName + "; the file was not read"
                                        : "Not a file of OneRoster 1.2 rostering; it was not read");
                    }
                }
            }
            if (!"1.0".equals(properties.get("manifest.version"))) {
                report.error(
                        OneRosterFile.MANIFEST,
                        null,
                        "manifest.version",
                        properties.get("manifest.version"),
                        "manifest.version must be 1.0");
            }
            if (!"1.2".equals(properties.get("oneroster.version"))) {
                report.error(
                        OneRosterFile.MANIFEST,
                        null,
                        "oneroster.version",
                        properties.get("oneroster.version"),
                        "Cadre reads OneRoster 1.2 packages; oneroster.version must be 1.2");
            }
        } catch (CsvFile.Unreadable e) {
            report.error(OneRosterFile.MANIFEST, e.line, null, null, e.getMessage());
            return false;
        }
        for (var fileName : pack.fileNames()) {
            if (!fileName.equals(OneRosterFile.MANIFEST) && !declared.contains(fileName)) {
                report.warning(
                        fileName, null, null, null, "The manifest does not declare this file, so it was not read");
            }
        }
        return true;
    }

    private void stage(OneRosterFile file) throws IOException, SQLException {
        var in = pack.open(file.fileName());
        if (in.isEmpty()) {
            return;
        }
        var counts = report.counts(file);
        boolean delta = modes.get(file) == Mode.DELTA;
        try (var csv = CsvFile.open(file.fileName(), in.get())) {
            if (!checkHeader(file, csv)) {
                return;
            }
            try (var out = new CopyRows(copy, table(file), columns(file))) {
                for (var record = csv.next(); record != null; record = csv.next()) {
                    counts.rows++;
                    var row = new StagingRow(csv, record, report);
                    if (record.size() != csv.header().size()) {
                        row.error(
                                null,
                                null,
                                "The row has " + record.size() + " fields; the header has "
                                        + csv.header().size());
                        continue;
                    }
                    var values = values(file, row, delta);
                    if (row.valid()) {
                        out.row(values);
                    }
                    if (++rows % 10_000 == 0) {
                        progress.accept(rows);
                    }
                }
            }
        } catch (CsvFile.Unreadable e) {
            report.error(file.fileName(), e.line, null, null, e.getMessage());
        }
        progress.accept(rows);
    }

    private boolean checkHeader(OneRosterFile file, CsvFile csv) {
        var header = csv.header();
        if (header.isEmpty()) {
            report.error(file.fileName(), null, null, null, "The file is empty; it needs at least its header");
            return false;
        }
        boolean ok = true;
        var seen = new java.util.HashSet<String>();
        for (var column : header) {
            if (!seen.add(column)) {
                report.error(file.fileName(), 1L, column, column, "The column appears twice in the header");
                ok = false;
            }
        }
        for (var column : file.required()) {
            if (!csv.has(column)) {
                report.error(
                        file.fileName(),
                        1L,
                        column,
                        null,
                        "The header lacks the column " + column + ", which Cadre needs");
                ok = false;
            }
        }
        var missing = new ArrayList<String>();
        for (var column : file.columns()) {
            if (!csv.has(column) && !file.required().contains(column)) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            report.warning(
                    file.fileName(),
                    1L,
                    null,
                    String.join(",", missing),
                    "The header lacks columns the OneRoster 1.2 binding lists: " + String.join(", ", missing));
        }
        var known = List.copyOf(file.columns());
        int previous = -1;
        for (var column : header) {
            int position = known.indexOf(column);
            if (position >= 0) {
                if (position < previous) {
                    report.warning(
                            file.fileName(),
                            1L,
                            column,
                            column,
                            "The column is out of the binding's order; Cadre reads columns by name");
                }
                previous = Math.max(previous, position);
            } else if (file.extensions().contains(column)) {
                extensionsPresent.add(file.fileName() + ":" + column);
            } else {
                report.warning(file.fileName(), 1L, column, column, "Unknown column; its values were ignored");
            }
        }
        return ok;
    }

    private static String table(OneRosterFile file) {
        return switch (file) {
            case ORGS -> "stg_orgs";
            case ACADEMIC_SESSIONS -> "stg_sessions";
            case USERS -> "stg_users";
            case ROLES -> "stg_roles";
            case COURSES -> "stg_courses";
            case CLASSES -> "stg_classes";
            case ENROLLMENTS -> "stg_enrollments";
        };
    }

    private static String columns(OneRosterFile file) {
        return switch (file) {
            case ORGS -> "line, sourced_id, status, name, type, identifier, parent, level";
            case ACADEMIC_SESSIONS ->
                "line, sourced_id, status, title, type, start_date, end_date, parent, school_year";
            case USERS ->
                "line, sourced_id, status, enabled, given_name, family_name, identifier, email, grade, primary_org, pay_band, hire_date";
            case ROLES -> "line, sourced_id, status, user_id, role_type, role, begin_date, end_date, org";
            case COURSES -> "line, sourced_id, status, school_year, title, code, grade, org, subject, tested";
            case CLASSES -> "line, sourced_id, status, title, course, school, term, period";
            case ENROLLMENTS ->
                "line, sourced_id, status, class, school, user_id, role, is_primary, begin_date, end_date, weight";
        };
    }

    private Object[] values(OneRosterFile file, StagingRow row, boolean delta) {
        var id = row.required("sourcedId");
        var status = row.status(delta);
        return switch (file) {
            case ORGS -> {
                var parent = row.text("parentSourcedId");
                if (parent != null && parent.equals(id)) {
                    row.error("parentSourcedId", parent, "An org cannot be its own parent");
                }
                yield new Object[] {
                    row.line(),
                    id,
                    status,
                    row.required("name"),
                    row.oneOf("type", ORG_TYPES, true, true),
                    row.text("identifier"),
                    parent,
                    row.oneOf("metadata.cadre.level", LEVELS, false, false)
                };
            }
            case ACADEMIC_SESSIONS -> {
                var start = row.date("startDate", true);
                var end = row.date("endDate", true);
                if (start != null && end != null && !end.isAfter(start)) {
                    row.error(
                            "endDate",
                            end.toString(),
                            "The session ends on or before the day it starts (" + start + ")");
                }
                yield new Object[] {
                    row.line(),
                    id,
                    status,
                    row.required("title"),
                    row.oneOf("type", SESSION_TYPES, true, true),
                    start,
                    end,
                    row.text("parentSourcedId"),
                    row.year("schoolYear")
                };
            }
            case USERS -> {
                var email = row.text("email");
                if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
                    row.error("email", email, "The email address is not valid");
                }
                yield new Object[] {
                    row.line(),
                    id,
                    status,
                    row.bool("enabledUser", true),
                    row.required("givenName"),
                    row.required("familyName"),
                    row.text("identifier"),
                    email == null ? null : email.strip(),
                    row.first("grades"),
                    row.text("primaryOrgSourcedId"),
                    row.text("metadata.cadre.payBand"),
                    row.date("metadata.cadre.hireDate", false)
                };
            }
            case ROLES -> {
                var begin = row.date("beginDate", false);
                var end = row.date("endDate", false);
                if (begin != null && end != null && end.isBefore(begin)) {
                    row.error("endDate", end.toString(), "The role ends before it begins (" + begin + ")");
                }
                yield new Object[] {
                    row.line(),
                    id,
                    status,
                    row.required("userSourcedId"),
                    row.oneOf("roleType", Set.of("primary", "secondary"), true, false),
                    row.oneOf("role", ROLES, true, true),
                    begin,
                    end,
                    row.required("orgSourcedId")
                };
            }
            case COURSES -> {
                var code = row.text("courseCode");
                if (code == null && id != null) {
                    row.warning("courseCode", null, "No course code; Cadre uses the sourcedId as the code");
                    code = id;
                }
                yield new Object[] {
                    row.line(),
                    id,
                    status,
                    row.text("schoolYearSourcedId"),
                    row.required("title"),
                    code,
                    row.first("grades"),
                    row.required("orgSourcedId"),
                    row.first("subjects"),
                    row.bool("metadata.cadre.tested", false)
                };
            }
            case CLASSES -> {
                var terms = row.required("termSourcedIds");
                if (terms != null && terms.contains(",")) {
                    row.warning("termSourcedIds", terms, "Cadre keeps one term per class: the first");
                }
                row.oneOf("classType", Set.of("homeroom", "scheduled"), true, true);
                yield new Object[] {
                    row.line(),
                    id,
                    status,
                    row.required("title"),
                    row.required("courseSourcedId"),
                    row.required("schoolSourcedId"),
                    row.first("termSourcedIds"),
                    row.text("periods")
                };
            }
            case ENROLLMENTS -> {
                var begin = row.date("beginDate", false);
                var end = row.date("endDate", false);
                if (begin != null && end != null && end.isBefore(begin)) {
                    row.error("endDate", end.toString(), "The enrollment ends before it begins (" + begin + ")");
                }
                yield new Object[] {
                    row.line(),
                    id,
                    status,
                    row.required("classSourcedId"),
                    row.required("schoolSourcedId"),
                    row.required("userSourcedId"),
                    row.oneOf("role", ENROLLMENT_ROLES, true, true),
                    row.bool("primary", false),
                    begin,
                    end,
                    row.decimal("metadata.cadre.instructionalWeight", MIN_WEIGHT, MAX_WEIGHT)
                };
            }
        };
    }
}
