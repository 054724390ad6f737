package org.cadre.organization.roster;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.cadre.audit.AuditTrail;
import org.cadre.organization.ReferenceData;
import org.cadre.organization.StaffRostered;
import org.cadre.organization.roster.ImportRun.Status;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.InvalidInputException;
import org.cadre.shared.NotFoundException;
import org.cadre.shared.PageRequest;
import org.cadre.shared.PageResponse;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports OneRoster 1.2 packages, all or nothing: a streaming pass checks every value and stages the rows, the
 * checks that need the whole package run on the staging tables, and only a package without errors is written —
 * in the same single transaction, so a crash leaves the old roster or the new one, never a mixture. A preview
 * does all of it and rolls back, so its report is exactly what the import would do. Imports started from a page
 * or the API run in the background, one at a time; their progress is kept in {@code roster_import}.
 */
@Service
public class RosterImports {

    private static final Logger log = LoggerFactory.getLogger(RosterImports.class);

    /** Serialises imports across every Cadre instance on the database. */
    private static final long LOCK = 0x526f73746572L;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final ImportRuns runs;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final RosterProperties properties;
    private final Clock clock;
    private final ReferenceData referenceData;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "roster-import");
        thread.setDaemon(true);
        return thread;
    });

    RosterImports(
            JdbcClient jdbc,
            DataSource dataSource,
            PlatformTransactionManager transactions,
            ImportRuns runs,
            AuditTrail audit,
            ApplicationEventPublisher events,
            RosterProperties properties,
            Clock clock,
            ReferenceData referenceData) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
        this.runs = runs;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.referenceData = referenceData;
    }

    /** A file of an upload: its name as the client gave it (only the last part is used) and its bytes. */
    public record Upload(String name, long size, InputStreamSource source) {}

    @FunctionalInterface
    public interface InputStreamSource {
        InputStream open() throws IOException;
    }

    /**
     * Stores an upload (one zip, or the CSV files of a package) under random names in the work folder and starts
     * its import in the background.
     *
     * @return the import, to follow on its page
     */
    public long start(CurrentUser user, List<Upload> files, boolean preview) {
        var present = files.stream().filter(f -> f.size() > 0).toList();
        if (present.isEmpty()) {
            throw new InvalidInputException("files", "Choose a OneRoster zip, or the CSV files of a package");
        }
        long size = present.stream().mapToLong(Upload::size).sum();
        if (size > properties.maxUploadBytes()) {
            throw new InvalidInputException(
                    "files",
                    "The upload is larger than the limit of " + properties.maxUploadBytes() / (1024 * 1024) + " MiB");
        }
        Path folder;
        Path packagePath;
        String packageName;
        try {
            Files.createDirectories(properties.workDir());
            folder = Files.createTempDirectory(properties.workDir(), "upload-");
            if (present.size() == 1
                    && baseName(present.getFirst().name())
                            .toLowerCase(Locale.ROOT)
                            .endsWith(".zip")) {
                packagePath = folder.resolve("package.zip");
                packageName = baseName(present.getFirst().name());
                copy(present.getFirst(), packagePath);
            } else {
                var names = new ArrayList<String>();
                for (var file : present) {
                    var name = baseName(file.name());
                    if (!name.equals(OneRosterFile.MANIFEST) && !name.matches("[A-Za-z]{1,40}\\.csv")) {
                        delete(folder);
                        throw new InvalidInputException(
                                "files",
                                "'" + name + "' is not a file of a OneRoster package;"
                                        + " upload a zip, or manifest.csv with the CSV files it declares");
                    }
                    copy(file, folder.resolve(name));
                    names.add(name);
                }
                packagePath = folder;
                packageName = String.join(", ", names);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the upload", e);
        }
        long id = runs.create(user.accountId(), user.displayName() + " <" + user.email() + ">", packageName, preview);
        var security = SecurityContextHolder.getContext();
        var stored = folder;
        background.submit(() -> {
            SecurityContextHolder.setContext(security);
            try {
                run(id, packagePath, packageName, preview);
            } finally {
                SecurityContextHolder.clearContext();
                delete(stored);
            }
        });
        return id;
    }

    /** Imports a package (a zip or a folder) now, on this thread: the nightly sync from the command line. */
    public ImportRun importNow(Path path, boolean preview) {
        long id = runs.create(null, "system", path.toAbsolutePath().normalize().toString(), preview);
        run(
                id,
                path,
                path.getFileName() == null
                        ? path.toString()
                        : path.getFileName().toString(),
                preview);
        return run(id);
    }

    public ImportRun run(long id) {
        return runs.find(id).orElseThrow(() -> new NotFoundException("Roster import", id));
    }

    public List<ImportRun.Issue> issues(long id, int limit) {
        run(id);
        return runs.issues(id, limit);
    }

    public PageResponse<ImportRun> history(PageRequest page) {
        return runs.history(page);
    }

    private void run(long id, Path path, String name, boolean preview) {
        var report = new ImportReport(properties.maxIssues());
        var outcome = Status.FAILED;
        String message = null;
        try (var pack = open(path, name, report)) {
            long total = pack.declaredBytes();
            var progress = new Reported(id, total, pack);
            progress.phase(Status.VALIDATING);
            outcome = transaction.execute(tx -> {
                jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query(rs -> {});
                load(jdbc, copyManager(), pack, report, LocalDate.now(clock), progress);
                if (report.hasErrors()) {
                    tx.setRollbackOnly();
                    return Status.REJECTED;
                }
                if (preview) {
                    tx.setRollbackOnly();
                    return Status.PREVIEWED;
                }
                audit.created("roster_import", id, null, "Roster imported from " + name, report.countsAsMap());
                rostered(id);
                return Status.IMPORTED;
            });
            if (outcome == Status.IMPORTED) {
                // Committed: campuses and school years may have changed; the next page must not wait for the
                // database's notification to see them.
                referenceData.changed();
            }
            message = switch (outcome) {
                case IMPORTED -> "Imported.";
                case PREVIEWED -> "Preview only: nothing was written. This is what the import would do.";
                case REJECTED -> "The package has errors; nothing was written. Correct them and import it again.";
                default -> null;
            };
        } catch (RuntimeException | IOException e) {
            log.warn("Roster import {} failed", id, e);
            var cause = e instanceof IllegalStateException && e.getCause() != null ? e.getCause() : e;
            report.error(null, null, null, null, "The import stopped: " + cause.getMessage());
            outcome = cause instanceof RosterPackage.TooLarge || cause instanceof IOException
                    ? Status.REJECTED
                    : Status.FAILED;
            message = "Nothing was written. " + cause.getMessage();
        }
        RosterWriter.unchanged(report);
        runs.finish(id, outcome, report, message);
    }

    /**
     * The three passes of an import on the caller's transaction, whose connection {@code jdbc} and {@code copy} use:
     * stage the package, check it whole, and write it only if no error was found. The enrollments of a first import
     * are read meanwhile on a thread of their own and written last ({@link StreamedEnrollments}), or staged, checked
     * and written like the rest when that way cannot vouch for them. The caller commits or rolls back.
     */
    static void load(
            JdbcClient jdbc,
            CopyManager copy,
            RosterPackage pack,
            ImportReport report,
            LocalDate today,
            Progress progress) {
        long started = System.nanoTime();
        // Room for the checks' sorts and hashes over millions of staged rows, for this transaction only.
        jdbc.sql("set local work_mem = '256MB'").update();
        // Room to build the indexes and keys of tables written empty (see RosterWriter) in one sort each.
        jdbc.sql("set local maintenance_work_mem = '512MB'").update();
        // The staging tables are temporary, held in the session's own buffers: 8 MB by default, so every scan of a
        // staged file of hundreds of MB went through the operating system's cache page by page. The size can only
        // be set before the session's first temporary table; a pooled connection that already had one keeps its own.
        jdbc.sql("""
                do $$ begin set temp_buffers = '512MB'; exception when invalid_parameter_value then null; end $$
                """).update();
        PackageStaging.createTables(jdbc);
        var staging = new PackageStaging(pack, report, jdbc, copy, progress::validated);
        var checks = new PackageChecks(jdbc, report);
        var writer = new RosterWriter(jdbc, report, staging, today, progress::written);
        boolean checked = false;
        try (var streamed = new StreamedEnrollments(jdbc, copy, pack, report, progress)) {
            staging.stage(streamed::begin);
            long staged = System.nanoTime();
            if (!report.hasErrors()) {
                checks.run(!staging.deferred());
                checked = true;
            }
            long packageChecked = System.nanoTime();
            if (!report.hasErrors()) {
                progress.writing(staging.rows());
                writer.write();
            }
            log.info(
                    "Roster package {}: {} rows staged in {} s, checked in {} s, written in {} s",
                    pack.name(),
                    staging.rows(),
                    seconds(staged - started),
                    seconds(packageChecked - staged),
                    seconds(System.nanoTime() - packageChecked));
            if (staging.deferred()) {
                long streaming = System.nanoTime();
                if (report.hasErrors() || !streamed.load(staging.rows())) {
                    // Errors elsewhere, or enrollments that need the checks which name each problem: staged and
                    // checked as every other file was, and written only if the whole package has no error.
                    streamed.close();
                    int errors = report.errors();
                    staging.stageDeferred();
                    if (checked && report.errors() == errors) {
                        checks.enrollments();
                    }
                    if (!report.hasErrors()) {
                        writer.writeDeferred();
                    }
                }
                log.info(
                        "Roster package {}: enrollments done in {} s",
                        pack.name(),
                        seconds(System.nanoTime() - streaming));
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        RosterWriter.unchanged(report);
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    private RosterPackage open(Path path, String name, ImportReport report) throws IOException {
        if (Files.isDirectory(path)) {
            return RosterPackage.open(path, properties.maxPackageBytes(), report);
        }
        return RosterPackage.zip(path, name, properties.maxPackageBytes(), report);
    }

    private CopyManager copyManager() {
        try {
            var connection = DataSourceUtils.getConnection(dataSource);
            return connection.unwrap(PGConnection.class).getCopyAPI();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY is not available on this connection", e);
        }
    }

    /** Tells identity which staff to open or link sign-in accounts for, once the import commits. */
    private void rostered(long id) {
        var staff = jdbc.sql("""
                        select s.id, s.email, s.given_name || ' ' || s.family_name as name
                        from organization.staff s where s.id in (select id from roster_staff_touched) order by s.id
                        """)
                .query((rs, n) -> new StaffRostered.RosteredStaff(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
        if (!staff.isEmpty()) {
            events.publishEvent(new StaffRostered(id, staff));
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void failInterrupted() {
        int n = runs.failInterrupted();
        if (n > 0) {
            log.warn("{} roster import(s) were interrupted by a stop of Cadre; they wrote nothing", n);
        }
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** What an import tells while it runs. */
    interface Progress {

        /** Tells nothing. */
        Progress NONE = new Progress() {};

        default void validated(long rows) {}

        /** The package had no error; its {@code rows} are being written. */
        default void writing(long rows) {}

        default void written(long rows) {}
    }

    /** Reports progress from the import's thread, at most twice a second, in transactions of its own. */
    private final class Reported implements Progress {
        private final long id;
        private final long total;
        private final RosterPackage pack;
        private Status phase = Status.VALIDATING;
        private long validated;
        private long written;
        private long toWrite;
        private long last;

        Reported(long id, long total, RosterPackage pack) {
            this.id = id;
            this.total = total;
            this.pack = pack;
        }

        void phase(Status phase) {
            this.phase = phase;
            send(true);
        }

        @Override
        public void validated(long rows) {
            validated = rows;
            send(false);
        }

        @Override
        public void writing(long rows) {
            toWrite = rows;
            phase(Status.WRITING);
        }

        @Override
        public void written(long rows) {
            written = rows;
            send(false);
        }

        private void send(boolean now) {
            long at = System.nanoTime();
            if (now || at - last > 500_000_000L) {
                last = at;
                runs.progress(id, phase, total, pack.bytesRead(), validated, written, toWrite);
            }
        }
    }

    private static String baseName(String name) {
        var clean = name == null ? "" : name.replace('\\', '/');
        return clean.substring(clean.lastIndexOf('/') + 1);
    }

    private static void copy(Upload upload, Path target) throws IOException {
        try (var in = upload.source().open()) {
            Files.copy(in, target);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete the upload folder {}", folder, e);
        }
    }
}
