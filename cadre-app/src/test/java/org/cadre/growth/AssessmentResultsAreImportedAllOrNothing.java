package org.cadre.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cadre.CadreIntegrationTest;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Assessment results come in as CSV, all or nothing, with every error at its line; the same file twice changes
 * nothing. Each test writes its own far-future year, so runs of the demo years are not touched.
 */
class AssessmentResultsAreImportedAllOrNothing extends CadreIntegrationTest {

    @Autowired
    AssessmentImports imports;

    @Autowired
    JdbcClient jdbc;

    final CurrentUser admin = new CurrentUser(0, null, "test@cadre.test", "Import test", java.util.Set.of());
    List<String> students;

    @BeforeEach
    void someRosteredStudents() {
        students = jdbc.sql("select source_id from organization.student order by id limit 3")
                .query(String.class)
                .list();
    }

    @Test
    void aGoodFileIsImportedAndStoredUnderCadresStudentIds() {
        var report = importCsv("""
                student_id,subject,year,grade,scale_score,test,achievement_level
                %s,Math,2091,04,1510,STAAR,Meets
                %s,Reading,2090-2091,4,1490.5,STAAR,
                """.formatted(students.get(0), students.get(0)));
        assertThat(report.status()).isEqualTo(AssessmentImport.Status.IMPORTED);
        assertThat(report.created()).isEqualTo(2);
        assertThat(jdbc.sql("""
                        select r.subject || ' ' || r.grade || ' ' || r.scale_score || ' ' || coalesce(r.achievement_level, '-')
                        from growth.assessment_result r join organization.student s on s.id = r.student_id
                        where s.source_id = ? and r.school_year = 2091 order by r.subject""").param(students.get(0)).query(String.class).list())
                .containsExactly("Math 4 1510 Meets", "Reading/ELA 4 1490.5 -");
    }

    @Test
    void importingTheSameFileTwiceChangesNothing() {
        var csv = """
                student_id,subject,year,grade,scale_score,test
                %s,Math,2092,5,1600,STAAR
                %s,Math,2092,5,1610,STAAR
                """.formatted(students.get(0), students.get(1));
        assertThat(importCsv(csv).created()).isEqualTo(2);
        var again = importCsv(csv);
        assertThat(again.status()).isEqualTo(AssessmentImport.Status.IMPORTED);
        assertThat(List.of(again.created(), again.updated(), again.unchanged())).containsExactly(0, 0, 2);
        assertThat(jdbc.sql("select count(*) from growth.assessment_result where school_year = 2092")
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aCorrectedScoreUpdatesTheStudentsScoreOfThatTest() {
        importCsv("student_id,subject,year,grade,scale_score,test\n%s,Math,2093,6,1700,STAAR\n"
                .formatted(students.get(2)));
        var corrected = importCsv("student_id,subject,year,grade,scale_score,test\n%s,Math,2093,6,1705,STAAR\n"
                .formatted(students.get(2)));
        assertThat(List.of(corrected.created(), corrected.updated(), corrected.unchanged()))
                .containsExactly(0, 1, 0);
    }

    @Test
    void everyBadValueIsReportedAtItsLineAndNothingIsWritten() {
        var report = importCsv("""
                student_id,subject,year,grade,scale_score,test
                %s,Math,2094,4,1500,STAAR
                %s,Science,2094,4,1500,STAAR
                %s,Math,20x4,4,1500,STAAR
                %s,Reading,2094,13,1500,STAAR
                %s,Reading,2094,4,high,STAAR
                ,Math,2094,4,1500,STAAR
                %s,Math,2094,4,1500,
                """.formatted(
                students.get(0), students.get(1), students.get(1), students.get(1), students.get(2), students.get(2)));
        assertThat(report.status()).isEqualTo(AssessmentImport.Status.REJECTED);
        assertThat(imports.issues(report.id(), 100))
                .extracting(i -> i.line() + " " + i.column())
                .containsExactly("3 subject", "4 year", "5 grade", "6 scale_score", "7 student_id", "8 test");
        assertThat(jdbc.sql("select count(*) from growth.assessment_result where school_year = 2094")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void anUnknownStudentIsAnErrorAtItsLine() {
        var report = importCsv("""
                student_id,subject,year,grade,scale_score,test
                %s,Math,2095,4,1500,STAAR
                no-such-student,Math,2095,4,1500,STAAR
                """.formatted(students.get(0)));
        assertThat(report.status()).isEqualTo(AssessmentImport.Status.REJECTED);
        assertThat(imports.issues(report.id(), 10)).singleElement().satisfies(issue -> {
            assertThat(issue.line()).isEqualTo(3L);
            assertThat(issue.reason()).contains("No student has this id");
        });
        assertThat(jdbc.sql("select count(*) from growth.assessment_result where school_year = 2095")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aStudentHasOneScorePerSubjectAndYear() {
        var twiceInOneFile = importCsv("""
                student_id,subject,year,grade,scale_score,test
                %s,Math,2096,4,1500,STAAR
                %s,Mathematics,2096,4,1520,STAAR
                """.formatted(students.get(0), students.get(0)));
        assertThat(imports.issues(twiceInOneFile.id(), 10))
                .extracting(AssessmentImport.Issue::line)
                .containsExactly(3L);

        importCsv("student_id,subject,year,grade,scale_score,test\n%s,Math,2097,4,1500,STAAR\n"
                .formatted(students.get(0)));
        var otherTest = importCsv(
                "student_id,subject,year,grade,scale_score,test\n%s,Math,2097,4,1500,MAP\n".formatted(students.get(0)));
        assertThat(otherTest.status()).isEqualTo(AssessmentImport.Status.REJECTED);
        assertThat(imports.issues(otherTest.id(), 10)).singleElement().satisfies(issue -> {
            assertThat(issue.line()).isEqualTo(2L);
            assertThat(issue.column()).isEqualTo("test");
        });
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedBeforeAnythingIsRecorded() {
        long before = jdbc.sql("select count(*) from growth.assessment_import")
                .query(Long.class)
                .single();
        assertThatThrownBy(() -> importCsv("student,subject,year\nx,Math,2098\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("missing: student_id, grade, scale_score, test");
        assertThat(jdbc.sql("select count(*) from growth.assessment_import")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    private AssessmentImport importCsv(String csv) {
        return imports.importFile(admin, "test.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }
}
