package org.cadre.organization.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.zip.ZipFile;
import org.cadre.CadreIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The nightly sync from the command line ({@code --cadre.roster.import}, {@code --cadre.roster.preview},
 * {@code --cadre.roster.export}): it prints the report and tells success from failure by its exit status. The
 * command's {@link RosterCommand#execute} is what {@code run} calls before it exits the process.
 */
class RosterCommandTest extends CadreIntegrationTest {

    @Autowired
    RosterCommand command;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path temp;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void aCorrectPackageIsImportedTheReportPrintedTheRosterExportedAndTheStatusIsZero() throws Exception {
        var folder = RosterPackages.write(temp.resolve("nightly"), RosterPackages.valid("rtw"));
        var exported = temp.resolve("roster.zip");

        int status = command.execute(folder.toString(), false, exported.toString(), out);

        assertThat(status).isZero();
        assertThat(text())
                .contains(": IMPORTED in ")
                .containsPattern("users\\.csv +delta +3 +3 +0 +0 +0 +0")
                .contains("0 errors, 0 warnings")
                .contains("Roster exported to " + exported);
        assertThat(jdbc.sql("select count(*) from organization.staff where source_id = 'rtwteacher'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        try (var zip = new ZipFile(exported.toFile())) {
            assertThat(zip.getEntry("manifest.csv")).isNotNull();
            assertThat(new String(zip.getInputStream(zip.getEntry("users.csv")).readAllBytes(), StandardCharsets.UTF_8))
                    .contains("rtwteacher");
        }
    }

    @Test
    void theCommandEndsOnlyOnceWhatTheImportPublishedIsDone() throws Exception {
        var since = OffsetDateTime.now().minusSeconds(1);
        var id = UUID.randomUUID();
        jdbc.sql("""
                        insert into event_publication (id, listener_id, event_type, serialized_event, publication_date)
                        values (?, 'test.listener', 'test.Event', '{}', now())
                        """).param(id).update();
        try {
            var listener = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                jdbc.sql("update event_publication set completion_date = now() where id = ?")
                        .param(id)
                        .update();
            });

            command.awaitListeners(since, out);

            assertThat(jdbc.sql("select completion_date is not null from event_publication where id = ?")
                            .param(id)
                            .query(Boolean.class)
                            .single())
                    .isTrue();
            assertThat(text()).isEmpty();
            listener.join();
        } finally {
            jdbc.sql("delete from event_publication where id = ?").param(id).update();
        }
    }

    @Test
    void aPreviewWritesNothingAndTheStatusIsZero() throws Exception {
        var folder = RosterPackages.write(temp.resolve("preview"), RosterPackages.valid("rtx"));

        int status = command.execute(folder.toString(), true, null, out);

        assertThat(status).isZero();
        assertThat(text()).contains(": PREVIEWED in ").contains("Preview only: nothing was written.");
        assertThat(jdbc.sql("select count(*) from organization.staff where source_id = 'rtxteacher'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aPackageWithErrorsPrintsThemWritesNothingExportsNothingAndTheStatusIsOne() throws Exception {
        var files = RosterPackages.valid("rty");
        files.put(
                "enrollments.csv",
                files.get("enrollments.csv") + "rtye4,active," + RosterPackages.T
                        + ",rtyclass,rtycampus,rty-nobody,student,false,,\n");
        var folder = RosterPackages.write(temp.resolve("broken"), files);
        var exported = temp.resolve("not-written.zip");

        int status = command.execute(folder.toString(), false, exported.toString(), out);

        assertThat(status).isEqualTo(1);
        assertThat(text())
                .contains(": REJECTED in ")
                .contains("ERROR enrollments.csv line 5 column userSourcedId value 'rty-nobody'");
        assertThat(exported).doesNotExist();
        assertThat(jdbc.sql("select count(*) from organization.campus where source_id = 'rtycampus'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private String text() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
