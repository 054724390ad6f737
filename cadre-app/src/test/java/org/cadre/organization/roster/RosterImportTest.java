package org.cadre.organization.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cadre.CadreIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Importing OneRoster 1.2 packages: a correct package is written once and changes nothing the second time; a
 * package with any error writes nothing and says where each error is. Packages here only add records of their
 * own ({@code rt…} sourcedIds, delta files) or are previews, so the shared demo network stays as it is.
 */
class RosterImportTest extends CadreIntegrationTest {

    @Autowired
    RosterImports imports;

    @Autowired
    RosterExport export;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path temp;

    private ImportRun preview(Map<String, String> files) throws Exception {
        return imports.importNow(RosterPackages.write(temp.resolve("p" + System.nanoTime()), files), true);
    }

    private List<ImportRun.Issue> errors(ImportRun run) {
        return imports.issues(run.id(), 1000).stream()
                .filter(i -> i.severity().equals("ERROR"))
                .toList();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from organization." + table)
                .query(Long.class)
                .single();
    }

    @Test
    void aPackageWithTheBindingsExactHeadersImportsOnceAndChangesNothingTheSecondTime() throws Exception {
        var files = RosterPackages.valid("rta");
        var folder = RosterPackages.write(temp.resolve("valid"), files);

        var first = imports.importNow(folder, false);

        assertThat(imports.issues(first.id(), 100)).isEmpty();
        assertThat(first.status()).isEqualTo(ImportRun.Status.IMPORTED);
        assertThat(first.counts().get("users.csv")).containsEntry("created", 3);
        assertThat(first.counts().get("enrollments.csv")).containsEntry("created", 3);
        var student = jdbc.sql("select given_name, grade_level, c.source_id from organization.student s"
                        + " join organization.campus c on c.id = s.campus_id where s.source_id = 'rtastudent2'")
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single();
        assertThat(student).containsExactly("Cy\nLine", "04", "rtacampus");
        assertThat(jdbc.sql("select family_name from organization.staff where source_id = 'rtateacher'")
                        .query(String.class)
                        .single())
                .isEqualTo("O'Neil \"Annie\"");
        assertThat(jdbc.sql("select name from organization.campus where source_id = 'rtacampus'")
                        .query(String.class)
                        .single())
                .isEqualTo("Roster Test School, East");

        var second = imports.importNow(folder, false);

        assertThat(second.status()).isEqualTo(ImportRun.Status.IMPORTED);
        for (var counts : second.counts().values()) {
            assertThat(counts)
                    .containsEntry("created", 0)
                    .containsEntry("updated", 0)
                    .containsEntry("deactivated", 0);
        }
        assertThat(second.counts().get("enrollments.csv")).containsEntry("unchanged", 3);
    }

    @Test
    void aPackageWithAnErrorWritesNothing() throws Exception {
        var files = RosterPackages.valid("rtb");
        files.put(
                "enrollments.csv",
                files.get("enrollments.csv") + "rtbe4,active," + RosterPackages.T
                        + ",rtbclass,rtbcampus,rtb-nobody,student,false,,\n");
        long students = count("student");
        long campuses = count("campus");

        var run = imports.importNow(RosterPackages.write(temp.resolve("bad"), files), false);

        assertThat(run.status()).isEqualTo(ImportRun.Status.REJECTED);
        assertThat(errors(run)).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("enrollments.csv");
            assertThat(e.line()).isEqualTo(5L);
            assertThat(e.column()).isEqualTo("userSourcedId");
            assertThat(e.value()).isEqualTo("rtb-nobody");
        });
        assertThat(count("student")).isEqualTo(students);
        assertThat(count("campus")).isEqualTo(campuses);
    }

    @Test
    void aPreviewReportsWhatTheImportWouldDoAndWritesNothing() throws Exception {
        long staff = count("staff");

        var run = preview(RosterPackages.valid("rtc"));

        assertThat(run.status()).isEqualTo(ImportRun.Status.PREVIEWED);
        assertThat(run.counts().get("users.csv")).containsEntry("created", 3);
        assertThat(count("staff")).isEqualTo(staff);
    }

    @Test
    void missingRequiredHeadersAreErrors() throws Exception {
        var files = RosterPackages.valid("rtd");
        files.put("users.csv", files.get("users.csv").replaceFirst("familyName", "surname"));

        var run = preview(files);

        assertThat(errors(run)).anySatisfy(e -> {
            assertThat(e.file()).isEqualTo("users.csv");
            assertThat(e.column()).isEqualTo("familyName");
            assertThat(e.reason()).contains("lacks the column familyName");
        });
        assertThat(imports.issues(run.id(), 100))
                .anySatisfy(w -> assertThat(w.value()).isEqualTo("surname"));
    }

    @Test
    void aFileTheManifestDeclaresButThePackageLacksIsAnError() throws Exception {
        var files = RosterPackages.valid("rte");
        files.remove("courses.csv");

        assertThat(errors(preview(files)))
                .anySatisfy(e -> assertThat(e.reason()).contains("no such file"));
    }

    @Test
    void badDatesTypesAndEnumerationsAreErrorsWithLineColumnAndValue() throws Exception {
        var files = RosterPackages.valid("rtf");
        files.put("academicSessions.csv", files.get("academicSessions.csv").replace("2019-12-20", "20/12/2019"));
        files.put("roles.csv", files.get("roles.csv").replace("primary,teacher", "primary,janitor"));
        files.put(
                "users.csv",
                files.get("users.csv")
                        .replace(
                                "active," + RosterPackages.T + ",true,,,Ben",
                                "active," + RosterPackages.T + ",yes,,,Ben"));

        var errors = errors(preview(files));

        assertThat(errors).anySatisfy(e -> {
            assertThat(e.file()).isEqualTo("academicSessions.csv");
            assertThat(e.line()).isEqualTo(3L);
            assertThat(e.column()).isEqualTo("endDate");
            assertThat(e.value()).isEqualTo("20/12/2019");
        });
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.file()).isEqualTo("roles.csv");
            assertThat(e.column()).isEqualTo("role");
            assertThat(e.value()).isEqualTo("janitor");
        });
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.file()).isEqualTo("users.csv");
            assertThat(e.line()).isEqualTo(3L);
            assertThat(e.column()).isEqualTo("enabledUser");
        });
    }

    @Test
    void valuesAreCheckedWithTheLineTheirRecordBeginsOnEvenAfterAValueSpanningLines() throws Exception {
        var files = RosterPackages.valid("rtv");
        var p = "rtv";
        files.put(
                "enrollments.csv",
                RosterPackages.ENROLLMENTS + ",metadata.cadre.instructionalWeight,metadata.district.note\n"
                        + p + "e1,active," + RosterPackages.T + "," + p + "class," + p + "campus," + p
                        + "teacher,teacher,true,2019-08-01,,1.5,\"a note\non two lines\"\n"
                        + p + "e2,active," + RosterPackages.T + "," + p + "class," + p + "campus," + p
                        + "student1,student,false,2019-02-30,,,\n"
                        + p + "e3,active," + RosterPackages.T + "," + p + "class," + p + "campus," + p
                        + "student2,student,false,2019-09-01,2019-08-01,,\n"
                        + p + "e4,active,," + p + "class," + p + "campus," + p + "student2,student,no,,,,\n"
                        + p + "e5,active," + RosterPackages.T + "," + p + "class\n");
        long enrollments = count("enrollment");

        var run = imports.importNow(RosterPackages.write(temp.resolve("values"), files), false);

        assertThat(run.status()).isEqualTo(ImportRun.Status.REJECTED);
        assertThat(errors(run))
                .extracting(
                        ImportRun.Issue::line, ImportRun.Issue::column, ImportRun.Issue::value, ImportRun.Issue::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                2L,
                                "metadata.cadre.instructionalWeight",
                                "1.5",
                                "metadata.cadre.instructionalWeight must be between 0.1 and 1"),
                        org.assertj.core.groups.Tuple.tuple(
                                4L, "beginDate", "2019-02-30", "beginDate must be a date written YYYY-MM-DD"),
                        org.assertj.core.groups.Tuple.tuple(
                                5L, "endDate", "2019-08-01", "The enrollment ends before it begins (2019-09-01)"),
                        org.assertj.core.groups.Tuple.tuple(
                                6L, "dateLastModified", null, "dateLastModified is required in a delta file"),
                        org.assertj.core.groups.Tuple.tuple(6L, "primary", "no", "primary must be true or false"),
                        org.assertj.core.groups.Tuple.tuple(7L, null, null, "The row has 4 fields; the header has 12"));
        assertThat(errors(run)).allSatisfy(e -> assertThat(e.file()).isEqualTo("enrollments.csv"));
        assertThat(run.counts().get("enrollments.csv")).containsEntry("rows", 5);
        assertThat(count("enrollment")).isEqualTo(enrollments);
    }

    @Test
    void duplicateSourcedIdsAreErrors() throws Exception {
        var files = RosterPackages.valid("rtg");
        files.put(
                "courses.csv",
                files.get("courses.csv") + "rtgcourse,active," + RosterPackages.T
                        + ",rtgyear,Science 5 again,SCI5B,05,network,Science,\n");

        assertThat(errors(preview(files))).anySatisfy(e -> {
            assertThat(e.file()).isEqualTo("courses.csv");
            assertThat(e.line()).isEqualTo(3L);
            assertThat(e.reason()).contains("more than once");
        });
    }

    @Test
    void duplicateEnrollmentsAreErrorsNamingTheLineOfTheFirstAndTheRestOfThePackageIsStillChecked() throws Exception {
        var files = RosterPackages.valid("rtw");
        var p = "rtw";
        files.put(
                "enrollments.csv",
                files.get("enrollments.csv")
                        + p + "e2,active," + RosterPackages.T + "," + p + "class," + p + "campus," + p
                        + "student2,student,false,,\n"
                        + p + "e5,active," + RosterPackages.T + "," + p + "class," + p + "campus," + p
                        + "student1,student,false,,\n"
                        + p + "e6,active," + RosterPackages.T + "," + p + "class," + p + "campus," + p
                        + "-nobody,student,false,,\n");

        var run = preview(files);

        assertThat(errors(run))
                .extracting(
                        ImportRun.Issue::line, ImportRun.Issue::column, ImportRun.Issue::value, ImportRun.Issue::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                5L,
                                "sourcedId",
                                "rtwe2",
                                "The sourcedId appears more than once in the file (first on line 3)"),
                        org.assertj.core.groups.Tuple.tuple(
                                5L,
                                "userSourcedId",
                                "rtwstudent2",
                                "The user is enrolled in the class twice (first on line 4)"),
                        org.assertj.core.groups.Tuple.tuple(
                                6L,
                                "userSourcedId",
                                "rtwstudent1",
                                "The user is enrolled in the class twice (first on line 3)"),
                        org.assertj.core.groups.Tuple.tuple(
                                7L, "userSourcedId", "rtw-nobody", "The user is neither in the package nor in Cadre"));
    }

    @Test
    void enrollmentsNamingAClassSchoolOrUserThatIsNotThereAreErrorsCheckByCheckInLineOrder() throws Exception {
        var files = RosterPackages.valid("rtx");
        var p = "rtx";
        files.put(
                "enrollments.csv",
                files.get("enrollments.csv")
                        + p + "e4,active," + RosterPackages.T + "," + p + "class," + p + "campus," + p
                        + "student1,teacher,false,,\n"
                        + p + "e5,active," + RosterPackages.T + ",rtx-no-class,rtx-no-school," + p
                        + "student2,student,false,,\n"
                        + p + "e6,active," + RosterPackages.T + ",rtx-no-class," + p + "campus," + p
                        + "teacher,student,false,,\n");

        var run = preview(files);

        assertThat(errors(run))
                .extracting(
                        ImportRun.Issue::line, ImportRun.Issue::column, ImportRun.Issue::value, ImportRun.Issue::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                6L,
                                "classSourcedId",
                                "rtx-no-class",
                                "The class is neither in the package nor in Cadre"),
                        org.assertj.core.groups.Tuple.tuple(
                                7L,
                                "classSourcedId",
                                "rtx-no-class",
                                "The class is neither in the package nor in Cadre"),
                        org.assertj.core.groups.Tuple.tuple(
                                6L,
                                "schoolSourcedId",
                                "rtx-no-school",
                                "The school is neither in the package nor in Cadre"),
                        org.assertj.core.groups.Tuple.tuple(
                                5L,
                                "userSourcedId",
                                "rtxstudent1",
                                "The user teaches the class but is not a staff member"),
                        org.assertj.core.groups.Tuple.tuple(
                                7L, "userSourcedId", "rtxteacher", "The user is enrolled as a student but is not one"));
    }

    @Test
    void referencesToRecordsNeitherInThePackageNorInCadreAreErrors() throws Exception {
        var files = RosterPackages.valid("rth");
        files.put("classes.csv", files.get("classes.csv").replace(",rthterm,", ",rth-no-term,"));

        assertThat(errors(preview(files))).anySatisfy(e -> {
            assertThat(e.file()).isEqualTo("classes.csv");
            assertThat(e.column()).isEqualTo("termSourcedIds");
            assertThat(e.value()).isEqualTo("rth-no-term");
        });
    }

    @Test
    void utf8WithAByteOrderMarkAndCrlfLineEndsAreRead() throws Exception {
        var files = RosterPackages.valid("rti");
        files.replaceAll(
                (name, text) -> "\uFEFF" + text.replace("\n", "\r\n").replace("\"Cy\r\nLine\"", "\"Cy\nLine\""));

        var run = preview(files);

        assertThat(errors(run)).isEmpty();
        assertThat(run.counts().get("users.csv")).containsEntry("created", 3);
    }

    @Test
    void latin1AndUtf16FilesAreRefusedWithAClearMessage() throws Exception {
        var latin = RosterPackages.valid("rtj");
        latin.put("users.csv", latin.get("users.csv").replace("Ben,Ng", "Bénédicte,Ng"));
        var folder = temp.resolve("latin1");
        RosterPackages.write(folder, latin);
        Files.write(folder.resolve("users.csv"), latin.get("users.csv").getBytes(StandardCharsets.ISO_8859_1));

        assertThat(errors(imports.importNow(folder, true))).anySatisfy(e -> {
            assertThat(e.file()).isEqualTo("users.csv");
            assertThat(e.line()).isEqualTo(3L);
            assertThat(e.reason()).contains("not valid UTF-8");
        });

        var utf16 = temp.resolve("utf16");
        RosterPackages.write(utf16, RosterPackages.valid("rtk"));
        Files.write(
                utf16.resolve("orgs.csv"),
                RosterPackages.valid("rtk").get("orgs.csv").getBytes(StandardCharsets.UTF_16));

        assertThat(errors(imports.importNow(utf16, true)))
                .anySatisfy(e -> assertThat(e.reason()).contains("UTF-16"));
    }

    @Test
    void unknownExtraColumnsAreAcceptedWithAWarning() throws Exception {
        var files = RosterPackages.valid("rtl");
        files.put(
                "courses.csv",
                files.get("courses.csv")
                        .replace("subjectCodes\n", "subjectCodes,metadata.district.room\n")
                        .replace("Science,\n", "Science,,B12\n"));

        var run = preview(files);

        assertThat(errors(run)).isEmpty();
        assertThat(imports.issues(run.id(), 100)).anySatisfy(w -> {
            assertThat(w.severity()).isEqualTo("WARNING");
            assertThat(w.column()).isEqualTo("metadata.district.room");
        });
    }

    @Test
    void aBulkUsersFileDeactivatesWhoeverIsMissingButOnlyInAPreviewHere() throws Exception {
        var files = RosterPackages.valid("rtm");
        files.put("manifest.csv", RosterPackages.manifest("delta").replace("file.users,delta", "file.users,bulk"));
        long active = jdbc.sql("select count(*) from organization.student where active")
                .query(Long.class)
                .single();

        var run = preview(files);

        assertThat(errors(run)).isEmpty();
        assertThat(((Number) run.counts().get("users.csv").get("deactivated")).longValue())
                .isPositive();
        assertThat(jdbc.sql("select count(*) from organization.student where active")
                        .query(Long.class)
                        .single())
                .isEqualTo(active);
    }

    @Test
    void theExportedRosterImportsBackWithoutAnyChange() throws Exception {
        var zip = temp.resolve("export.zip");
        try (var out = Files.newOutputStream(zip)) {
            export.write(out);
        }

        var run = imports.importNow(zip, true);

        assertThat(errors(run)).isEmpty();
        for (var counts : run.counts().values()) {
            assertThat(counts)
                    .containsEntry("created", 0)
                    .containsEntry("updated", 0)
                    .containsEntry("deactivated", 0);
        }
        var again = new ByteArrayOutputStream();
        export.write(again);
        assertThat(again.toByteArray()).isEqualTo(Files.readAllBytes(zip));
    }

    @Test
    void aPackageLargerThanTheLimitStopsReading() throws Exception {
        var folder = RosterPackages.write(temp.resolve("large"), RosterPackages.valid("rtn"));
        var report = new ImportReport(100);
        try (var pack = RosterPackage.open(folder, 200, report);
                var in = pack.open("users.csv").orElseThrow()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(in::readAllBytes)
                    .isInstanceOf(RosterPackage.TooLarge.class);
        }
    }
}
