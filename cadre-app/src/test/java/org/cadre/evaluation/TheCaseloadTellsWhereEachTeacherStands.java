package org.cadre.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import org.cadre.CadreIntegrationTest;
import org.cadre.demo.DemoAccounts;
import org.cadre.evaluation.caseload.Caseloads;
import org.cadre.evaluation.caseload.Caseloads.Line;
import org.cadre.evaluation.observation.ObservationKind;
import org.cadre.evaluation.observation.Observing;
import org.cadre.organization.RoleAssignments;
import org.cadre.shared.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * An appraiser's caseload line for a teacher follows the teacher's year: an observation awaiting feedback, its
 * feedback overdue once the policy's working days have passed (holidays not counted), the goal plan once
 * submitted.
 */
class TheCaseloadTellsWhereEachTeacherStands extends CadreIntegrationTest {

    @Autowired
    Caseloads caseloads;

    @Autowired
    Observing observing;

    @Autowired
    RoleAssignments roles;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void observationsHolidaysAndTheGoalPlanMoveTheTeachersLine() {
        var appraiser = user(DemoAccounts.APPRAISER);
        var teacher = user(DemoAccounts.TEACHER);
        long campusId = jdbc.sql("select id from organization.campus where source_id = ?")
                .param(DemoAccounts.FIRST_CAMPUS)
                .query(Long.class)
                .single();
        long yearId = jdbc.sql("select id from organization.school_year where is_current")
                .query(Long.class)
                .single();
        var before = line(appraiser, campusId, teacher.staffId());
        var longAgo = LocalDate.now().minusDays(40);
        Long observationId = null;
        try {
            observationId = observing
                    .schedule(
                            appraiser,
                            new Observing.Scheduling(
                                    teacher.staffId(), ObservationKind.INFORMAL, true, longAgo.atTime(10, 0), 30, null))
                    .id();

            var awaiting = line(appraiser, campusId, teacher.staffId());
            assertThat(awaiting.awaitingFeedback()).isEqualTo(before.awaitingFeedback() + 1);
            assertThat(awaiting.overdueFeedback()).isEqualTo(before.overdueFeedback() + 1);
            if (before.standing() != Caseloads.Standing.COMPLETED) {
                assertThat(awaiting.standing()).isEqualTo(Caseloads.Standing.OVERDUE);
            }
            assertThat(awaiting.lastObserved()).isAfterOrEqualTo(longAgo);

            // Every day since the observation a holiday: no working day has passed, so its feedback is not late.
            jdbc.sql("""
                            insert into evaluation.holiday (day, name)
                            select d::date, 'Test closure' from generate_series(?::date, current_date, '1 day') d
                            on conflict do nothing
                            """).param(longAgo).update();
            var closed = line(appraiser, campusId, teacher.staffId());
            assertThat(closed.awaitingFeedback()).isEqualTo(awaiting.awaitingFeedback());
            assertThat(closed.overdueFeedback()).isLessThan(awaiting.overdueFeedback());

            if (!before.goalPlanSubmitted()) {
                jdbc.sql("""
                                insert into evaluation.goal_plan (school_year_id, teacher_staff_id, campus_id, goals,
                                    development_plan, due_on, submitted_at, policy_version_id)
                                values (?, ?, ?, 'Test goals', 'Test plan', current_date, now(),
                                    (select max(id) from policy.policy_version))
                                """).params(yearId, teacher.staffId(), campusId).update();
                var planned = line(appraiser, campusId, teacher.staffId());
                assertThat(planned.goalPlanSubmitted()).isTrue();
                assertThat(planned.goalPlanOverdue()).isFalse();
            }
        } finally {
            jdbc.sql("delete from evaluation.holiday where name = 'Test closure'")
                    .update();
            jdbc.sql("delete from evaluation.goal_plan where goals = 'Test goals'")
                    .update();
            if (observationId != null) {
                jdbc.sql("delete from evaluation.observation where id = ?")
                        .param(observationId)
                        .update();
            }
        }
        var after = line(appraiser, campusId, teacher.staffId());
        assertThat(after).isEqualTo(before);
    }

    @Test
    void thePageShowsEachLineOfTheCaseload() throws Exception {
        var appraiser = user(DemoAccounts.APPRAISER);
        long campusId = jdbc.sql("select id from organization.campus where source_id = ?")
                .param(DemoAccounts.FIRST_CAMPUS)
                .query(Long.class)
                .single();
        var lines = caseloads.caseload(appraiser, campusId);
        assertThat(lines).isNotEmpty();
        var session = (MockHttpSession) mvc.perform(formLogin("/sign-in")
                        .userParameter("email")
                        .user(DemoAccounts.APPRAISER)
                        .password(DemoAccounts.PASSWORD))
                .andReturn()
                .getRequest()
                .getSession(false);

        var page = mvc.perform(get("/evaluation/caseload")
                        .param("campus", String.valueOf(campusId))
                        .session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();

        var table = page.substring(page.indexOf("<table id=\"caseload\""));
        for (var line : lines) {
            assertThat(table)
                    .contains("<a href=\"/evaluation/teachers/" + line.teacherId() + "\">"
                            + HtmlUtils.htmlEscape(line.name(), "UTF-8") + "</a>")
                    .contains("<td>" + HtmlUtils.htmlEscape(line.formal(), "UTF-8") + "</td>")
                    .contains("<td>" + HtmlUtils.htmlEscape(line.awaiting(), "UTF-8") + "</td>")
                    .contains("<td>" + HtmlUtils.htmlEscape(line.summativeLine(), "UTF-8") + "</td>");
        }
        assertThat(table.split("<tr>", -1)).hasSize(lines.size() + 2);
    }

    private Line line(CurrentUser appraiser, long campusId, long teacherId) {
        return caseloads.caseload(appraiser, campusId).stream()
                .filter(l -> l.teacherId() == teacherId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("The teacher is not on the appraiser's caseload"));
    }

    private CurrentUser user(String email) {
        var row = jdbc.sql("select id, staff_id from identity.account where lower(email) = lower(?)")
                .param(email)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        var account = DemoAccounts.byEmail(email);
        return new CurrentUser(row[0], row[1], email, account.displayName(), roles.currentGrantsOf(row[1]));
    }
}
