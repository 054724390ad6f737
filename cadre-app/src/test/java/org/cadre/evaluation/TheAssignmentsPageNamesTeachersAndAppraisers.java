package org.cadre.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.cadre.CadreIntegrationTest;
import org.cadre.demo.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/** A campus administrator sees who appraises whom by name, not by staff id. */
class TheAssignmentsPageNamesTeachersAndAppraisers extends CadreIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAssignmentIsListedWithTheTeachersAndTheAppraisersNames() throws Exception {
        var session = (MockHttpSession) mvc.perform(formLogin("/sign-in")
                        .userParameter("email")
                        .user(DemoAccounts.PRINCIPAL)
                        .password(DemoAccounts.PASSWORD))
                .andReturn()
                .getRequest()
                .getSession(false);
        long appraiser = staffId(DemoAccounts.APPRAISER);
        long campus = jdbc.sql(
                        "select campus_id from organization.role_assignment where staff_id = ? and role = 'APPRAISER' limit 1")
                .param(appraiser)
                .query(Long.class)
                .single();
        // A teacher of the campus whom no one appraises yet; assigning them to the demo appraiser changes nothing
        // for other tests, which may all appraise unassigned teachers there.
        var teacher = jdbc.sql("""
                        select s.id, s.given_name, s.family_name from organization.staff s
                        join organization.role_assignment ra on ra.staff_id = s.id and ra.role = 'TEACHER' and ra.campus_id = ?
                        join organization.school_year y on y.id = ra.school_year_id and y.is_current
                        where s.id not in (select staff_id from identity.account where staff_id is not null)
                          and not exists (select 1 from evaluation.appraiser_assignment a where a.teacher_staff_id = s.id)
                        order by s.id limit 1
                        """)
                .param(campus)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .single();

        mvc.perform(post("/evaluation/assignments")
                .session(session)
                .with(csrf())
                .param("campus", String.valueOf(campus))
                .param("teacherId", teacher[0])
                .param("appraiserId", String.valueOf(appraiser)));
        var page = mvc.perform(get("/evaluation/assignments")
                        .param("campus", String.valueOf(campus))
                        .session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(post("/evaluation/assignments")
                .session(session)
                .with(csrf())
                .param("campus", String.valueOf(campus))
                .param("teacherId", teacher[0])
                .param("appraiserId", String.valueOf(appraiser))
                .param("remove", "true"));

        var appraiserName = DemoAccounts.byEmail(DemoAccounts.APPRAISER);
        var table = page.substring(page.indexOf("<table id=\"assignments\""));
        assertThat(table).contains("<td>" + HtmlUtils.htmlEscape(teacher[2] + ", " + teacher[1]) + "</td>");
        assertThat(table).contains("<td>" + appraiserName.familyName() + ", " + appraiserName.givenName() + "</td>");
        assertThat(table).doesNotContain("<td>" + teacher[0] + "</td>");
    }

    private long staffId(String email) {
        return jdbc.sql("select staff_id from identity.account where lower(email) = lower(?)")
                .param(email)
                .query(Long.class)
                .single();
    }
}
