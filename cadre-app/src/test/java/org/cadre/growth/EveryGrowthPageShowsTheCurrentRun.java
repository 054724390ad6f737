package org.cadre.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.cadre.CadreIntegrationTest;
import org.cadre.demo.DemoAccounts;
import org.cadre.organization.SchoolYears;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The growth pages, exports and API answer with the current run's results, for those who may see them. */
class EveryGrowthPageShowsTheCurrentRun extends CadreIntegrationTest {

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

    @Test
    void aDistrictAdministratorSeesTheNetworkCampusesRunsAndExports() throws Exception {
        var run = GrowthFixture.currentRun(scores, runs, schoolYears);
        var session = signIn(DemoAccounts.DISTRICT_ADMIN);
        long campus = jdbc.sql(
                        "select campus_id from growth.growth_measure where run_id = ? and scope = 'CAMPUS' limit 1")
                .param(run.id())
                .query(Long.class)
                .single();
        assertThat(body(session, "/growth")).contains("id=\"network\"", "/growth/campuses/" + campus);
        assertThat(body(session, "/growth/campuses/" + campus)).contains("Teachers of record");
        assertThat(body(session, "/growth/measures.csv")).startsWith("scope,staff_id,campus_id,name,subject");
        assertThat(body(session, "/admin/growth")).contains("Start a growth run");
        assertThat(body(session, "/admin/growth/runs/" + run.id())).contains("<progress");
        assertThat(body(session, "/admin/growth/runs/" + run.id() + "/progress"))
                .contains("Completed");
        assertThat(body(session, "/admin/growth/runs/" + run.id() + "/cohorts.csv"))
                .contains("coefficients");
        assertThat(body(session, "/admin/growth/runs/" + run.id() + "/percentiles.csv"))
                .contains("sgp_order");
        assertThat(body(session, "/api/v1/growth/network")).contains("\"network\"");
    }

    @Test
    void anImportThroughTheApiAnswersWithItsReportAndItsPageShowsIt() throws Exception {
        var session = signIn(DemoAccounts.DISTRICT_ADMIN);
        var student = jdbc.sql("select source_id from organization.student order by id limit 1")
                .query(String.class)
                .single();
        var response = mvc.perform(post("/api/v1/admin/growth/assessment-imports")
                        .session(session)
                        .with(csrf())
                        .contentType(MediaType.valueOf("text/csv"))
                        .content("student_id,subject,year,grade,scale_score,test\n" + student
                                + ",Math,2081,4,1500,STAAR\n" + student + ",Math,2082,5,oops,STAAR\n"))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("\"status\":\"REJECTED\"", "\"line\":3");
        long id = jdbc.sql("select max(id) from growth.assessment_import")
                .query(Long.class)
                .single();
        assertThat(body(session, "/admin/growth/imports/" + id)).contains("scale_score", "Not a number");
        assertThat(body(session, "/admin/growth/imports/" + id + "/report.csv")).contains("Not a number");
    }

    private String body(MockHttpSession session, String url) throws Exception {
        var response = mvc.perform(get(url).session(session)).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString();
    }

    private MockHttpSession signIn(String email) throws Exception {
        var result = mvc.perform(
                        formLogin("/sign-in").userParameter("email").user(email).password(DemoAccounts.PASSWORD))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
