package org.cadre.organization.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cadre.CadreIntegrationTest;
import org.cadre.demo.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * District administrators import rosters from the Roster page and the REST API, follow the import to its end and
 * download its report. The packages here add records of their own ({@code rt…} sourcedIds, delta files) or are
 * previews, so the shared demo network stays as it is.
 */
class RosterUploadTest extends CadreIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    RosterImports imports;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path temp;

    @Test
    void aDistrictAdministratorUploadsThePackagesFilesOnTheRosterPageAndFollowsTheImportToItsEnd() throws Exception {
        var admin = signIn(DemoAccounts.DISTRICT_ADMIN);
        var upload = multipart("/admin/roster/imports");
        for (var file : RosterPackages.valid("rtp").entrySet()) {
            upload.file(new MockMultipartFile("files", file.getKey(), "text/csv", utf8(file.getValue())));
        }

        var location = mvc.perform(upload.with(csrf()).session(admin))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        assertThat(location).matches("/admin/roster/imports/\\d+");
        var run = finished(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
        assertThat(run.status()).isEqualTo(ImportRun.Status.IMPORTED);
        assertThat(run.startedBy()).contains(DemoAccounts.DISTRICT_ADMIN);
        assertThat(run.counts().get("users.csv")).containsEntry("created", 3);
        assertThat(jdbc.sql("select count(*) from organization.student where source_id like 'rtpstudent%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        var page = mvc.perform(get(location).session(admin)).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("Imported").contains("users.csv");
    }

    @Test
    void aFileThatBelongsToNoPackageIsRefusedOnThePageAndNothingIsStarted() throws Exception {
        long runs = runs();

        var page = mvc.perform(multipart("/admin/roster/imports")
                        .file(new MockMultipartFile("files", "notes.txt", "text/plain", utf8("hello")))
                        .with(csrf())
                        .session(signIn(DemoAccounts.DISTRICT_ADMIN)))
                .andReturn()
                .getResponse();

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("&#39;notes.txt&#39; is not a file of a OneRoster package");
        assertThat(runs()).isEqualTo(runs);
    }

    @Test
    void onlyDistrictAdministratorsMayUploadAPackage() throws Exception {
        long runs = runs();

        var response = mvc.perform(zipUpload("/admin/roster/imports", RosterPackages.valid("rts"))
                        .with(csrf())
                        .session(signIn(DemoAccounts.PRINCIPAL)))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(runs()).isEqualTo(runs);
    }

    @Test
    void theApiPreviewsAZippedPackageAndWritesNothing() throws Exception {
        var admin = signIn(DemoAccounts.DISTRICT_ADMIN);
        long staff = jdbc.sql("select count(*) from organization.staff")
                .query(Long.class)
                .single();

        var accepted = mvc.perform(zipUpload("/api/v1/admin/roster/imports", RosterPackages.valid("rtq"))
                        .param("preview", "true")
                        .with(csrf())
                        .session(admin))
                .andReturn()
                .getResponse();

        assertThat(accepted.getStatus()).isEqualTo(202);
        long id = ((Number) JsonPath.read(accepted.getContentAsString(), "$.id")).longValue();
        assertThat((Boolean) JsonPath.read(accepted.getContentAsString(), "$.preview"))
                .isTrue();
        assertThat(finished(id).status()).isEqualTo(ImportRun.Status.PREVIEWED);
        var report = mvc.perform(get("/api/v1/admin/roster/imports/{id}", id).session(admin))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(report, "$.run.status")).isEqualTo("PREVIEWED");
        assertThat((Integer) JsonPath.read(report, "$.run.counts['users.csv'].created"))
                .isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from organization.staff")
                        .query(Long.class)
                        .single())
                .isEqualTo(staff);
    }

    @Test
    void theReportDownloadsAsCsvWithTheCountsOfEveryFileAndEveryError() throws Exception {
        var files = RosterPackages.valid("rtv");
        files.put(
                "enrollments.csv",
                files.get("enrollments.csv") + "rtve4,active," + RosterPackages.T
                        + ",rtvclass,rtvcampus,rtv-nobody,student,false,,\n");
        var run = imports.importNow(RosterPackages.write(temp.resolve("rejected"), files), true);
        var admin = signIn(DemoAccounts.DISTRICT_ADMIN);

        for (var url :
                List.of("/admin/roster/imports/{id}/report.csv", "/api/v1/admin/roster/imports/{id}/report.csv")) {
            var response =
                    mvc.perform(get(url, run.id()).session(admin)).andReturn().getResponse();

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentType()).startsWith("text/csv");
            assertThat(response.getHeader("Content-Disposition"))
                    .isEqualTo("attachment; filename=\"roster-import-" + run.id() + "-report.csv\"");
            var rows = csv(response.getContentAsString(StandardCharsets.UTF_8));
            assertThat(rows.getFirst().toList())
                    .containsExactly(
                            "kind",
                            "file",
                            "mode",
                            "rows",
                            "created",
                            "updated",
                            "unchanged",
                            "deactivated",
                            "rejected",
                            "line",
                            "column",
                            "value",
                            "reason");
            assertThat(rows)
                    .anySatisfy(r -> assertThat(r.toList().subList(0, 4))
                            .containsExactly("COUNTS", "enrollments.csv", "delta", "4"));
            assertThat(rows).anySatisfy(r -> {
                assertThat(r.get(0)).isEqualTo("ERROR");
                assertThat(r.get(1)).isEqualTo("enrollments.csv");
                assertThat(r.get(9)).isEqualTo("5");
                assertThat(r.get(10)).isEqualTo("userSourcedId");
                assertThat(r.get(11)).isEqualTo("rtv-nobody");
            });
        }
    }

    private ImportRun finished(long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        var run = imports.run(id);
        while (run.running() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            run = imports.run(id);
        }
        assertThat(run.running()).as("the import has finished").isFalse();
        return run;
    }

    private long runs() {
        return jdbc.sql("select count(*) from organization.roster_import")
                .query(Long.class)
                .single();
    }

    private MockHttpSession signIn(String email) throws Exception {
        var result = mvc.perform(
                        formLogin("/sign-in").userParameter("email").user(email).password(DemoAccounts.PASSWORD))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private static MockMultipartHttpServletRequestBuilder zipUpload(String url, Map<String, String> files)
            throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(utf8(file.getValue()));
                zip.closeEntry();
            }
        }
        return multipart(url)
                .file(new MockMultipartFile("files", "roster.zip", "application/zip", bytes.toByteArray()));
    }

    private static List<CSVRecord> csv(String text) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
