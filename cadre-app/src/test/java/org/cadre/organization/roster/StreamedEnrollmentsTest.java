package org.cadre.organization.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.cadre.CadreIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The first import into a new Cadre reads a bulk enrollments file in one pass ({@link StreamedEnrollments}): the
 * rows it writes are the ones the staged way writes, and a file with anything to report goes the staged way, so
 * each problem is still named with its line. The empty Cadre is a database of its own on the test's server; every
 * import here is rolled back, so it stays empty for the next.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class StreamedEnrollmentsTest extends CadreIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    Environment environment;

    @TempDir
    Path temp;

    private EmptyCadre empty;

    @BeforeAll
    void createTheEmptyCadre() {
        empty = new EmptyCadre(dataSource, environment, "streamed_" + Long.toHexString(System.nanoTime()));
    }

    @AfterAll
    void dropTheEmptyCadre() {
        if (empty != null) {
            empty.close();
        }
    }

    /** A bulk package with its own district, which a new Cadre takes as its network. */
    private static Map<String, String> bulk(String p) {
        var files = RosterPackages.valid(p);
        files.put("manifest.csv", RosterPackages.manifest("bulk"));
        files.put(
                "orgs.csv",
                files.get("orgs.csv").replace(",network\n", "," + p + "district\n") + p + "district,active,"
                        + RosterPackages.T + ",Roster Test District,district,RTD,\n");
        files.put("courses.csv", files.get("courses.csv").replace(",network,", "," + p + "district,"));
        return files;
    }

    private static Map<String, String> withEnrollments(Map<String, String> files, String rows) {
        files.put("enrollments.csv", files.get("enrollments.csv") + rows);
        return files;
    }

    /** Imports into the empty Cadre, lets {@code inside} look at the written roster, and rolls everything back. */
    private ImportReport importIntoEmpty(Map<String, String> files, Consumer<JdbcClient> inside) throws IOException {
        return empty.importPackage(RosterPackages.write(temp.resolve("p" + System.nanoTime()), files), false, inside);
    }

    private static List<ImportReport.Issue> errors(ImportReport report) {
        return report.issues().stream()
                .filter(i -> i.severity() == ImportReport.Severity.ERROR)
                .toList();
    }

    @Test
    void aCorrectFileIsWrittenInOnePassWithTheValuesTheStagedWayWrites(CapturedOutput output) throws Exception {
        var files = withEnrollments(
                bulk("se1"),
                "se1e4,active," + RosterPackages.T + ",se1class,se1campus,se1teacher2,teacher,false,,2019-12-20\n");
        files.put(
                "enrollments.csv",
                files.get("enrollments.csv")
                        .replace(
                                "role,primary,beginDate,endDate",
                                "role,primary,beginDate,endDate," + "metadata.cadre.instructionalWeight")
                        .replaceAll("(?m)^(se1e[123],.*)$", "$1,")
                        .replaceAll("(?m)^(se1e4,.*)$", "$1,0.555"));
        files.put(
                "users.csv",
                files.get("users.csv") + "se1teacher2,active," + RosterPackages.T
                        + ",true,se1t2@roster-test.example,,Dee,Ray,,SE1E2,se1t2@roster-test.example,,,,,,,,,,,,\n");
        files.put(
                "roles.csv",
                files.get("roles.csv") + "se1r4,active," + RosterPackages.T
                        + ",se1teacher2,primary,teacher,2019-08-01,2020-06-30,se1campus,\n");
        var written = new java.util.ArrayList<List<String>>();

        var report = importIntoEmpty(files, roster -> {
            written.addAll(roster.sql("""
                            select st.source_id, e.begins_on::text, e.ends_on::text from organization.enrollment e
                            join organization.student st on st.id = e.student_id order by 1
                            """)
                    .query((rs, n) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3)))
                    .list());
            written.addAll(roster.sql("""
                            select s.source_id, t.begins_on::text, t.ends_on::text, t.instructional_weight::text,
                                   t.is_primary::text
                            from organization.teacher_of_record t join organization.staff s on s.id = t.staff_id
                            order by 1
                            """)
                    .query((rs, n) -> java.util.Arrays.asList(
                            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                    .list());
        });

        assertThat(errors(report)).isEmpty();
        assertThat(output).contains("4 enrollments streamed into the roster");
        assertThat(report.counts(OneRosterFile.ENROLLMENTS).rows).isEqualTo(4);
        assertThat(report.counts(OneRosterFile.ENROLLMENTS).created).isEqualTo(4);
        assertThat(written)
                .containsExactly(
                        java.util.Arrays.asList("se1student1", "2019-08-01", null),
                        java.util.Arrays.asList("se1student2", null, null),
                        java.util.Arrays.asList("se1teacher", "2019-08-01", null, "1.00", "true"),
                        java.util.Arrays.asList("se1teacher2", null, "2019-12-20", "0.56", "false"));
    }

    @Test
    void aUserWhoIsNotAStudentGoesTheStagedWayAndIsNamedWithTheLine(CapturedOutput output) throws Exception {
        var files = withEnrollments(
                bulk("se2"), "se2e4,active," + RosterPackages.T + ",se2class,se2campus,se2teacher,student,,,\n");

        var report = importIntoEmpty(files, roster -> {});

        assertThat(output).contains("left to the full checks");
        assertThat(errors(report)).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("enrollments.csv");
            assertThat(e.line()).isEqualTo(5L);
            assertThat(e.column()).isEqualTo("userSourcedId");
            assertThat(e.reason()).isEqualTo("The user is enrolled as a student but is not one");
        });
    }

    @Test
    void aStudentEnrolledTwiceInAClassIsNamed(CapturedOutput output) throws Exception {
        var files = withEnrollments(
                bulk("se3"), "se3e4,active," + RosterPackages.T + ",se3class,se3campus,se3student1,student,,,\n");

        var report = importIntoEmpty(files, roster -> {});

        assertThat(output).contains("left to the full checks");
        assertThat(errors(report)).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(5L);
            assertThat(e.reason()).startsWith("The user is enrolled in the class twice (first on line 3)");
        });
    }

    @Test
    void aRepeatedSourcedIdAndADayThatDoesNotExistAreNamed(CapturedOutput output) throws Exception {
        var repeated = withEnrollments(
                bulk("se4"), "se4e1,active," + RosterPackages.T + ",se4class,se4campus,se4student9,student,,,\n");
        var impossible = bulk("se5");
        impossible.put("enrollments.csv", impossible.get("enrollments.csv").replace("2019-08-01", "2019-02-30"));

        var repeatedReport = importIntoEmpty(repeated, roster -> {});
        var impossibleReport = importIntoEmpty(impossible, roster -> {});

        assertThat(errors(repeatedReport)).anySatisfy(e -> {
            assertThat(e.line()).isEqualTo(5L);
            assertThat(e.column()).isEqualTo("sourcedId");
            assertThat(e.reason()).contains("appears more than once");
        });
        assertThat(errors(impossibleReport)).anySatisfy(e -> {
            assertThat(e.column()).isEqualTo("beginDate");
            assertThat(e.value()).isEqualTo("2019-02-30");
        });
    }

    @Test
    void aRowToWarnAboutIsWrittenTheStagedWayWithItsWarning(CapturedOutput output) throws Exception {
        var files = withEnrollments(
                bulk("se6"), "se6e4,active," + RosterPackages.T + ",se6class,se6campus,se6teacher,proctor,,,\n");
        long[] enrollments = {0};

        var report = importIntoEmpty(
                files,
                roster -> enrollments[0] = roster.sql("select count(*) from organization.enrollment")
                        .query(Long.class)
                        .single());

        assertThat(output).contains("left to the full checks");
        assertThat(errors(report)).isEmpty();
        assertThat(report.issues()).anySatisfy(w -> {
            assertThat(w.line()).isEqualTo(5L);
            assertThat(w.reason()).contains("a proctor enrollment was skipped");
        });
        assertThat(enrollments[0]).isEqualTo(2);
    }
}
