package org.cadre.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.cadre.CadreIntegrationTest;
import org.cadre.demo.DemoAccounts;
import org.cadre.evaluation.observation.ObservationKind;
import org.cadre.evaluation.observation.Observing;
import org.cadre.evaluation.rubric.Rubrics;
import org.cadre.evaluation.summative.SummativeInputs;
import org.cadre.evaluation.summative.SummativeRatings;
import org.cadre.organization.RoleAssignments;
import org.cadre.shared.CurrentUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Evaluation tells other capabilities (compensation, growth, reporting) what happened through its two events, and
 * only when it happened: {@link ObservationShared} when an appraiser shares an observation, and
 * {@link SummativeRatingFinalized} when a summative rating is finalized.
 *
 * <p>These run in the suite's one shared context rather than an {@code @ApplicationModuleTest}: a module test
 * bootstraps its own context, which would need its own data source and demo network and start a second
 * application in the same JVM. {@code @RecordApplicationEvents} records what is published on the test's thread
 * without changing the context.
 */
@RecordApplicationEvents
class EvaluationTellsOtherCapabilitiesThroughEvents extends CadreIntegrationTest {

    @Autowired
    Observing observing;

    @Autowired
    SummativeRatings summatives;

    @Autowired
    Rubrics rubrics;

    @Autowired
    RoleAssignments roles;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    CurrentUser appraiser;

    @BeforeEach
    void signIn() {
        appraiser = user(DemoAccounts.APPRAISER);
    }

    @Test
    void sharingAnObservationPublishesObservationSharedOnceAndSaysWhetherFeedbackWasLate() {
        long teacher = aTeacherOfTheAppraisersCampusNotYetObserved();
        var lesson = observing.schedule(
                appraiser,
                new Observing.Scheduling(
                        teacher,
                        ObservationKind.FORMAL,
                        false,
                        LocalDateTime.now().minusDays(30),
                        50,
                        null));
        var rated = observing.rate(appraiser, lesson.id(), 0, Map.of("2.1", 3, "3.1", 4), 50, "Routines hold");
        assertThat(events.stream(ObservationShared.class))
                .as("nothing is shared by rating")
                .isEmpty();

        observing.share(appraiser, lesson.id(), rated.version());

        assertThat(events.stream(ObservationShared.class)).singleElement().satisfies(shared -> {
            assertThat(shared.observationId()).isEqualTo(lesson.id());
            assertThat(shared.teacherStaffId()).isEqualTo(teacher);
            assertThat(shared.appraiserStaffId()).isEqualTo(appraiser.staffId());
            assertThat(shared.schoolYearId()).isEqualTo(lesson.schoolYearId());
            assertThat(shared.kind()).isEqualTo("FORMAL");
            assertThat(shared.feedbackDueOn()).isBefore(LocalDate.now());
            assertThat(shared.late()).as("shared a month after the lesson").isTrue();
        });
    }

    @Test
    void finalizingASummativePublishesSummativeRatingFinalizedWithTheComposite() {
        long teacher = aTeacherOfTheAppraisersCampusNotYetObserved();
        var lesson = observing.schedule(
                appraiser,
                new Observing.Scheduling(
                        teacher,
                        ObservationKind.FORMAL,
                        true,
                        LocalDateTime.now().minusHours(3),
                        50,
                        null));
        var observed = new HashMap<String, Integer>();
        var rubric = rubrics.byId(lesson.rubricId());
        rubric.observedDimensions().forEach(d -> observed.put(d.code(), 4));
        var rated = observing.rate(appraiser, lesson.id(), 0, observed, 50, "Strong lesson");
        observing.share(appraiser, lesson.id(), rated.version());
        var conference = new HashMap<String, Integer>();
        rubric.conferenceDimensions().forEach(d -> conference.put(d.code(), 3));
        var draft = summatives.compute(appraiser, teacher);
        var complete = summatives.record(
                appraiser,
                teacher,
                draft.version(),
                new SummativeInputs(LocalDate.now(), "portfolio", conference, Map.of(), new BigDecimal("3")));
        assertThat(events.stream(SummativeRatingFinalized.class))
                .as("computing and recording a draft tell no one")
                .isEmpty();

        var finalized = summatives.finalize(appraiser, teacher, complete.version());

        assertThat(events.stream(SummativeRatingFinalized.class))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.summativeId()).isEqualTo(finalized.id());
                    assertThat(event.teacherStaffId()).isEqualTo(teacher);
                    assertThat(event.schoolYearId()).isEqualTo(lesson.schoolYearId());
                    assertThat(event.policyVersionId()).isEqualTo(finalized.policyVersionId());
                    // 0.5 × 4 + 0.35 × 3 + 0.15 × 3 = 3.50
                    assertThat(event.composite()).isEqualByComparingTo("3.50");
                    assertThat(event.effectivenessLevel()).isEqualTo(finalized.effectivenessLevel());
                    assertThat(event.finalizedAt()).isCloseTo(finalized.finalizedAt(), within(1, ChronoUnit.MILLIS));
                });
    }

    /**
     * A teacher this test may own: on the appraiser's campus, not a demo account, appraisable by the demo appraiser,
     * with no observation or summative yet.
     */
    private long aTeacherOfTheAppraisersCampusNotYetObserved() {
        return jdbc.sql("""
                        select ra.staff_id from organization.role_assignment ra
                        join organization.school_year y on y.id = ra.school_year_id and y.is_current
                        where ra.role = 'TEACHER' and ra.campus_id = (select campus_id from organization.role_assignment
                              where staff_id = ? and role = 'APPRAISER' limit 1)
                          and ra.staff_id not in (select staff_id from identity.account where staff_id is not null)
                          and not exists (select 1 from evaluation.summative s where s.teacher_staff_id = ra.staff_id)
                          and not exists (select 1 from evaluation.observation o where o.teacher_staff_id = ra.staff_id)
                          and not exists (select 1 from evaluation.appraiser_assignment a
                                          where a.teacher_staff_id = ra.staff_id and a.appraiser_staff_id <> ?)
                        order by ra.staff_id desc limit 1
                        """)
                .params(appraiser.staffId(), appraiser.staffId())
                .query(Long.class)
                .single();
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
