package org.cadre.organization.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.cadre.CadreIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
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

    private EmptyCadre empty;

    @AfterEach
    void dropTheEmptyCadre() {
        if (empty != null) {
            empty.close();
        }
    }

    @Test
    void exportingTheRosterImportingItIntoAnEmptyCadreAndExportingAgainGivesTheSamePackage() throws Exception {
        var first = temp.resolve("first.zip");
        try (var out = Files.newOutputStream(first)) {
            export.write(out);
        }
        empty = new EmptyCadre(dataSource, environment, "roundtrip_" + Long.toHexString(System.nanoTime()));
        var emptyCadre = empty.dataSource();
        for (var table : ROSTER_TABLES) {
            assertThat(count(JdbcClient.create(emptyCadre), table)).as(table).isZero();
        }

        var report = empty.importPackage(first, true, roster -> {});

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
