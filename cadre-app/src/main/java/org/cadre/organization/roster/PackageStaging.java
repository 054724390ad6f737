package org.cadre.organization.roster;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The first pass of an import: reads the manifest, then streams every file the manifest declares into a raw
 * staging table of text columns with COPY ({@link CsvCopy}), each row with the line it began on; checks each
 * value there in SQL ({@link ValueChecks}: required, types, dates, enumerations) and converts a package without
 * errors into typed staging tables. All of them are temporary tables of the import's transaction. Nothing of the
 * roster itself is written here; the checks that need the whole package (duplicates, references) run on the
 * staging tables afterwards.
 */
final class PackageStaging {

    enum Mode {
        ABSENT,
        BULK,
        DELTA
    }

    /**
     * The staging tables, dropped when the import's transaction ends either way; the enrollments' is a view on their
     * raw table ({@link ValueChecks#enrollmentsView()}). Their identifiers and codes compare byte by byte (collation
     * C), as the raw tables' texts do: the checks sort and index sourcedIds, which need no language's rules, and the
     * database's own collation cannot use PostgreSQL's abbreviated keys (sorting 170,000 sourcedIds took 190 ms).
     * Names, titles and emails keep the database's collation, which {@code lower()} needs beyond ASCII.
     */
    static final String TABLES = """
            create temp table stg_orgs (line bigint, sourced_id text collate "C", status text collate "C", name text, type text collate "C",
                identifier text collate "C", parent text collate "C", level text collate "C") on commit drop;
            create temp table stg_sessions (line bigint, sourced_id text collate "C", status text collate "C", title text, type text collate "C",
                start_date date, end_date date, parent text collate "C", school_year integer, year_source text collate "C") on commit drop;
            create temp table stg_users (line bigint, sourced_id text collate "C", status text collate "C", enabled boolean,
                given_name text, family_name text, identifier text collate "C", email text, grade text collate "C", primary_org text collate "C",
                pay_band text, hire_date date) on commit drop;
            create temp table stg_roles (line bigint, sourced_id text collate "C", status text collate "C", user_id text collate "C", role_type text collate "C",
                role text collate "C", begin_date date, end_date date, org text collate "C") on commit drop;
            create temp table stg_courses (line bigint, sourced_id text collate "C", status text collate "C", school_year text collate "C", title text,
                code text, grade text collate "C", org text collate "C", subject text, tested boolean) on commit drop;
            create temp table stg_classes (line bigint, sourced_id text collate "C", status text collate "C", title text, course text collate "C",
                school text collate "C", term text collate "C", period text) on commit drop;
            """;

    private static final Logger log = LoggerFactory.getLogger(PackageStaging.class);

    private final RosterPackage pack;
    private final ImportReport report;
    private final CopyManager copy;
    private final ValueChecks values;
    /** The files read into their raw staging tables, in the order read. */
    private final List<OneRosterFile> staged = new ArrayList<>();

    private final LongConsumer progress;
    private final Map<OneRosterFile, Mode> modes = new EnumMap<>(OneRosterFile.class);
    /** Which extension columns each file brought; a value is only changed by a file that has its column. */
    private final Set<String> extensionsPresent = new java.util.HashSet<>();

    private long rows;
    /** Whether the enrollments were left out of {@link #stage}, for {@link StreamedEnrollments} or a later pass. */
    private boolean deferred;

    PackageStaging(RosterPackage pack, ImportReport report, JdbcClient jdbc, CopyManager copy, LongConsumer progress) {
        this.pack = pack;
        this.report = report;
        this.copy = copy;
        this.values = new ValueChecks(jdbc, report);
        this.progress = progress;
        for (var file : OneRosterFile.values()) {
            modes.put(file, Mode.ABSENT);
        }
    }

    static void createTables(JdbcClient jdbc) {
        for (var statement :
                (TABLES + ValueChecks.rawTables() + ValueChecks.enrollmentsView() + RosterRoles.table()).split(";")) {
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

    /** Whether {@link #stage} left the enrollments out; {@link #stageDeferred} stages them. */
    boolean deferred() {
        return deferred;
    }

    /**
     * Reads the manifest, copies every declared file into its raw staging table, checks the values there, and
     * converts a package without errors into the typed staging tables.
     *
     * @param streamEnrollments asked whether a bulk enrollments file is left out, to be streamed into the roster
     *     once everything else is written ({@link StreamedEnrollments})
     */
    void stage(BooleanSupplier streamEnrollments) throws IOException, SQLException {
        if (!readManifest()) {
            return;
        }
        deferred = modes.get(OneRosterFile.ENROLLMENTS) == Mode.BULK && streamEnrollments.getAsBoolean();
        long started = System.nanoTime();
        for (var file : OneRosterFile.values()) {
            report.counts(file).mode = modes.get(file).name().toLowerCase(java.util.Locale.ROOT);
            if (modes.get(file) != Mode.ABSENT && !(deferred && file == OneRosterFile.ENROLLMENTS)) {
                stage(file);
            }
        }
        long copied = System.nanoTime();
        for (var file : staged) {
            values.check(file, modes.get(file) == Mode.DELTA);
        }
        long checked = System.nanoTime();
        if (!report.hasErrors()) {
            for (var file : staged) {
                values.convert(file);
            }
        }
        log.info(
                "Roster package {}: {} rows copied in {} s, their values checked in {} s, converted in {} s",
                pack.name(),
                rows,
                RosterImports.seconds(copied - started),
                RosterImports.seconds(checked - copied),
                RosterImports.seconds(System.nanoTime() - checked));
    }

    /** Stages the enrollments that {@link #stage} left out, and checks their values. */
    void stageDeferred() throws IOException, SQLException {
        if (!deferred) {
            return;
        }
        deferred = false;
        long started = System.nanoTime();
        stage(OneRosterFile.ENROLLMENTS);
        if (staged.contains(OneRosterFile.ENROLLMENTS)) {
            values.check(OneRosterFile.ENROLLMENTS, false);
        }
        log.info(
                "Roster package {}: enrollments copied and their values checked in {} s",
                pack.name(),
                RosterImports.seconds(System.nanoTime() - started));
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
                var row = new ManifestRow(csv, record, report);
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
        try (var csv = CsvCopy.open(in.get())) {
            if (!checkHeader(file, csv.header())) {
                return;
            }
            var header = csv.header();
            int[] source = file.header().stream().mapToInt(header::indexOf).toArray();
            var out = copy.copyIn("copy " + ValueChecks.rawTable(file) + " from stdin");
            long before = rows;
            try {
                csv.copy(
                        out,
                        source,
                        (line, column, value, reason) -> report.error(file.fileName(), line, column, value, reason),
                        n -> progress.accept(before + n));
            } finally {
                counts.rows += csv.records();
                rows += csv.records();
                if (out.isActive()) {
                    out.endCopy();
                }
            }
        } catch (CsvFile.Unreadable e) {
            report.error(file.fileName(), e.line, null, null, e.getMessage());
        }
        progress.accept(rows);
        staged.add(file);
    }

    private boolean checkHeader(OneRosterFile file, List<String> header) {
        return checkHeader(file, header, report, extensionsPresent);
    }

    /**
     * Checks a file's header: errors for an empty file, a column named twice and a column Cadre needs that is
     * missing; warnings for columns of the binding that are missing, out of order or unknown.
     *
     * @param extensionsPresent gets {@code file:column} for each of Cadre's extension columns the header has
     * @return whether the file can be read
     */
    static boolean checkHeader(
            OneRosterFile file, List<String> header, ImportReport report, Set<String> extensionsPresent) {
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
            if (!header.contains(column)) {
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
            if (!header.contains(column) && !file.required().contains(column)) {
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
}
