package org.cadre.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.cadre.CadreIntegrationTest;
import org.cadre.demo.DemoAccounts;
import org.cadre.organization.SchoolYears;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Student growth is student data: a teacher sees their own students' percentiles and no one else's, campus leaders
 * see their campus, HR sees measures but never a student.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeachersSeeOnlyTheirOwnStudentsGrowth extends CadreIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoScores scores;

    @Autowired
    GrowthRuns runs;

    @Autowired
    SchoolYears schoolYears;

    long teacher;
    long otherTeacher;
    long ownStudent;
    long otherTeachersStudent;

    @BeforeAll
    void aRunWithStudentsOfBothDemoTeachers() {
        GrowthFixture.currentRun(scores, runs, schoolYears);
        var run = runs.current(schoolYears.current().orElseThrow().id()).orElseThrow();
        teacher = staffIdOf(DemoAccounts.TEACHER);
        otherTeacher = staffIdOf(DemoAccounts.TEACHER_2);
        ownStudent = studentOf(run.id(), teacher);
        otherTeachersStudent = studentOf(run.id(), otherTeacher);
    }

    @Test
    void aTeacherSeesTheirOwnStudentsGrowth() throws Exception {
        var session = signIn(DemoAccounts.TEACHER);
        assertThat(status(session, "/growth/students/" + ownStudent)).isEqualTo(200);
        assertThat(status(session, "/api/v1/growth/students/" + ownStudent)).isEqualTo(200);
        var page = mvc.perform(get("/growth/teachers/" + teacher).session(session))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("/growth/students/" + ownStudent);
    }

    @Test
    void aTeacherCannotSeeAnotherTeachersStudentsOrMeasures() throws Exception {
        var session = signIn(DemoAccounts.TEACHER);
        assertThat(status(session, "/growth/students/" + otherTeachersStudent)).isEqualTo(404);
        assertThat(status(session, "/api/v1/growth/students/" + otherTeachersStudent))
                .isEqualTo(404);
        assertThat(status(session, "/growth/teachers/" + otherTeacher)).isEqualTo(404);
        assertThat(status(session, "/growth/teachers/" + otherTeacher + "/students.csv"))
                .isEqualTo(404);
        assertThat(status(signIn(DemoAccounts.TEACHER_2), "/growth/students/" + otherTeachersStudent))
                .isEqualTo(200);
    }

    @Test
    void aPrincipalSeesTheirCampusButNotAnotherCampusesStudents() throws Exception {
        var session = signIn(DemoAccounts.PRINCIPAL);
        assertThat(status(session, "/growth/students/" + ownStudent)).isEqualTo(200);
        assertThat(status(session, "/growth/teachers/" + teacher + "/students.csv"))
                .isEqualTo(200);
        assertThat(status(session, "/growth/students/" + otherTeachersStudent)).isEqualTo(404);
        assertThat(status(session, "/growth/teachers/" + otherTeacher)).isEqualTo(404);
    }

    @Test
    void hrSeesMeasuresButNoStudent() throws Exception {
        var session = signIn(DemoAccounts.HR);
        var page = mvc.perform(get("/growth/teachers/" + teacher).session(session))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).doesNotContain("/growth/students/");
        assertThat(status(session, "/growth/students/" + ownStudent)).isEqualTo(404);
        assertThat(status(session, "/growth/teachers/" + teacher + "/students.csv"))
                .isEqualTo(404);
        assertThat(status(session, "/growth/measures.csv")).isEqualTo(200);
    }

    @Test
    void theStudentChartDataHasThePercentileCurvesThatPlacedThem() throws Exception {
        var json = mvc.perform(get("/api/v1/growth/students/" + ownStudent).session(signIn(DemoAccounts.TEACHER)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json).contains("\"shownPercentiles\":[10,25,50,75,90]", "\"curves\":[[", "\"scores\":[");
    }

    private int status(MockHttpSession session, String url) throws Exception {
        return mvc.perform(get(url).session(session)).andReturn().getResponse().getStatus();
    }

    private MockHttpSession signIn(String email) throws Exception {
        var result = mvc.perform(
                        formLogin("/sign-in").userParameter("email").user(email).password(DemoAccounts.PASSWORD))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private long studentOf(long runId, long staffId) {
        return jdbc.sql("select min(student_id) from growth.teacher_student where run_id = ? and staff_id = ?")
                .params(runId, staffId)
                .query(Long.class)
                .single();
    }

    private long staffIdOf(String email) {
        return jdbc.sql("select staff_id from identity.account where lower(email) = lower(?)")
                .param(email)
                .query(Long.class)
                .single();
    }
}
