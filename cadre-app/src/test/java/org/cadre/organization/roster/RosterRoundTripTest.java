package org.cadre.organization.roster;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.cadre.CadreIntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The roster survives a trip through OneRoster into an empty Cadre: the package exported from the test network,
 * imported into a Cadre that holds nothing, exports again to the same bytes.
 *
 * <p>The shared test database holds the demo network, so the empty Cadre is a database of its own on the same
 * embedded PostgreSQL server: created for the test, migrated with the application's own Flyway settings, loaded
 * through the import's three passes ({@link RosterImports#load}, as every import runs them) and dropped at the
 * end. Only the organisation's tables matter to a roster, and those start empty there, as in a new Cadre.
 */
class RosterRoundTripTest extends CadreIntegrationTest {

    private static final List<String> ROSTER_TABLES = List.of(
            "network",
            "region",
            "campus",
            "school_year",
            "term",
            "staff",
            "role_assignment",
            "student",
            "course",
            "class_section",
            "enrollment",
            "teacher_of_record");

    @Autowired
    RosterExport export;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @TempDir
    Path temp;

    private final String database = "roundtrip_" + Long.toHexString(System.nanoTime());
    private HikariDataSource empty;

    @AfterEach
    void dropTheEmptyCadre() {
        if (empty != null) {
            empty.close();
        }
        jdbc.sql("drop database if exists " + database + " with (force)").update();
    }

    @Test
    void exportingTheRosterImportingItIntoAnEmptyCadreAndExportingAgainGivesTheSamePackage() throws Exception {
        var first = temp.resolve("first.zip");
        try (var out = Files.newOutputStream(first)) {
            export.write(out);
        }
        var emptyCadre = emptyCadre();
        for (var table : ROSTER_TABLES) {
            assertThat(count(JdbcClient.create(emptyCadre), table)).as(table).isZero();
        }

        var report = importInto(emptyCadre, first);

        assertThat(report.issues())
                .filteredOn(i -> i.severity() == ImportReport.Severity.ERROR)
                .isEmpty();
        for (var table : ROSTER_TABLES) {
            assertThat(count(JdbcClient.create(emptyCadre), table)).as(table).isEqualTo(count(jdbc, table));
        }
        var second = new ByteArrayOutputStream();
        new TransactionTemplate(new DataSourceTransactionManager(emptyCadre))
                .executeWithoutResult(tx -> new RosterExport(emptyCadre).write(second));
        var firstBytes = Files.readAllBytes(first);
        assertThat(entries(second.toByteArray())).isEqualTo(entries(firstBytes));
        assertThat(second.toByteArray()).isEqualTo(firstBytes);
    }

    /** A new database on the test's PostgreSQL server, migrated as Cadre migrates its own. */
    private DataSource emptyCadre() {
        jdbc.sql("create database " + database).update();
        var shared = (HikariDataSource) dataSource;
        empty = new HikariDataSource();
        empty.setJdbcUrl(shared.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1"));
        empty.setUsername(shared.getUsername());
        empty.setPassword(shared.getPassword());
        empty.setMaximumPoolSize(2);
        var binder = Binder.get(environment);
        Flyway.configure()
                .dataSource(empty)
                .locations(binder.bind("spring.flyway.locations", Bindable.of(String[].class))
                        .get())
                .schemas(binder.bind("spring.flyway.schemas", Bindable.of(String[].class))
                        .get())
                .createSchemas(true)
                .defaultSchema(binder.bind("spring.flyway.default-schema", String.class)
                        .get())
                .load()
                .migrate();
        return empty;
    }

    private static ImportReport importInto(DataSource cadre, Path zip) {
        var report = new ImportReport(1000);
        new TransactionTemplate(new DataSourceTransactionManager(cadre)).executeWithoutResult(tx -> {
            try (var pack = RosterPackage.open(zip, Long.MAX_VALUE, report)) {
                var copy = DataSourceUtils.getConnection(cadre)
                        .unwrap(PGConnection.class)
                        .getCopyAPI();
                RosterImports.load(
                        JdbcClient.create(cadre), copy, pack, report, LocalDate.now(), RosterImports.Progress.NONE);
            } catch (IOException | java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            if (report.hasErrors()) {
                tx.setRollbackOnly();
            }
        });
        return report;
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from organization." + table)
                .query(Long.class)
                .single();
    }

    /** The zip's files and their text, in the zip's order, so that a difference shows where it is. */
    private static Map<String, String> entries(byte[] zip) throws IOException {
        var entries = new LinkedHashMap<String, String>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
