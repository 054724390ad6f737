package org.cadre.organization.roster;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The command line of rostering, for a nightly sync: {@code --cadre.roster.import=<folder or zip>} imports a
 * package (add {@code --cadre.roster.preview=true} to only check it), {@code --cadre.roster.export=<file.zip>}
 * writes the roster. Either prints its report and ends the application with status 0 (imported, previewed or
 * exported) or 1 (errors; nothing written). See docs/rostering.md.
 */
@Component
class RosterCommand implements ApplicationRunner {

    private static final Duration LISTENERS_WAIT = Duration.ofMinutes(30);

    private final Environment environment;
    private final RosterImports imports;
    private final RosterExport export;
    private final ConfigurableApplicationContext context;
    private final JdbcClient jdbc;

    RosterCommand(
            Environment environment,
            RosterImports imports,
            RosterExport export,
            ConfigurableApplicationContext context,
            JdbcClient jdbc) {
        this.environment = environment;
        this.imports = imports;
        this.export = export;
        this.context = context;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        var importPath = environment.getProperty("cadre.roster.import");
        var exportPath = environment.getProperty("cadre.roster.export");
        if (blank(importPath) && blank(exportPath)) {
            return;
        }
        boolean preview = environment.getProperty("cadre.roster.preview", Boolean.class, false);
        var started = OffsetDateTime.now();
        int status = execute(importPath, preview, exportPath, System.out);
        awaitListeners(started, System.out);
        System.exit(SpringApplication.exit(context, () -> status));
    }

    /**
     * Waits for the listeners of what the import published — identity opening sign-in accounts for the rostered
     * staff — which run after the commit on threads of their own: ending the application under them cut the
     * accounts of a state's 100,000 staff short (they were only opened at Cadre's next start, which republishes what
     * did not complete). Gives up after {@link #LISTENERS_WAIT}, saying so.
     */
    void awaitListeners(OffsetDateTime since, PrintStream out) {
        var deadline = System.nanoTime() + LISTENERS_WAIT.toNanos();
        while (jdbc.sql("select exists (select 1 from event_publication where completion_date is null"
                        + " and publication_date >= ?)")
                .param(since)
                .query(Boolean.class)
                .single()) {
            if (System.nanoTime() > deadline) {
                out.println("What follows the import (sign-in accounts for the rostered staff) is not finished after "
                        + LISTENERS_WAIT.toMinutes() + " minutes; Cadre finishes it at its next start.");
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Imports (or previews) the package at {@code importPath} if given, then writes the roster to {@code exportPath}
     * if given and nothing failed, printing the report to {@code out}.
     *
     * @return the process's exit status: 0 imported, previewed or exported; 1 the package has errors, nothing written
     */
    int execute(String importPath, boolean preview, String exportPath, PrintStream out) {
        int status = 0;
        if (!blank(importPath)) {
            long started = System.nanoTime();
            var run = imports.importNow(Path.of(importPath), preview);
            print(out, run, imports.issues(run.id(), 1000), (System.nanoTime() - started) / 1e9);
            status = run.status() == ImportRun.Status.IMPORTED || run.status() == ImportRun.Status.PREVIEWED ? 0 : 1;
        }
        if (status == 0 && !blank(exportPath)) {
            long started = System.nanoTime();
            try (var file = Files.newOutputStream(Path.of(exportPath))) {
                export.write(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.printf("Roster exported to %s in %.1f s%n", exportPath, (System.nanoTime() - started) / 1e9);
        }
        return status;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static void print(PrintStream out, ImportRun run, java.util.List<ImportRun.Issue> issues, double seconds) {
        out.printf(
                "Roster import %d of %s: %s in %.1f s (%d rows read, %d rows written)%n",
                run.id(), run.packageName(), run.status(), seconds, run.rowsValidated(), run.rowsWritten());
        if (run.message() != null) {
            out.println(run.message());
        }
        out.printf(
                "%-22s %-7s %9s %9s %9s %9s %11s %9s%n",
                "file", "mode", "rows", "created", "updated", "unchanged", "deactivated", "rejected");
        run.counts()
                .forEach((file, c) -> out.printf(
                        "%-22s %-7s %9s %9s %9s %9s %11s %9s%n",
                        file,
                        c.get("mode"),
                        c.get("rows"),
                        c.get("created"),
                        c.get("updated"),
                        c.get("unchanged"),
                        c.get("deactivated"),
                        c.get("rejected")));
        out.printf("%d errors, %d warnings%n", run.errors(), run.warnings());
        for (var issue : issues) {
            out.printf(
                    "%s %s%s%s%s: %s%n",
                    issue.severity(),
                    issue.file() == null ? "package" : issue.file(),
                    issue.line() == null ? "" : " line " + issue.line(),
                    issue.column() == null ? "" : " column " + issue.column(),
                    issue.value() == null ? "" : " value '" + issue.value() + "'",
                    issue.reason());
        }
    }
}
