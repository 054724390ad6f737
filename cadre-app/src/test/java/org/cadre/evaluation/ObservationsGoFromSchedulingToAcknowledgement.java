package org.cadre.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cadre.CadreIntegrationTest;
import org.cadre.demo.DemoAccounts;
import org.cadre.evaluation.observation.ObservationKind;
import org.cadre.evaluation.observation.ObservationStatus;
import org.cadre.evaluation.observation.Observing;
import org.cadre.evaluation.rubric.InvalidRubricException;
import org.cadre.evaluation.rubric.Rubrics;
import org.cadre.evaluation.summative.SummativeInputs;
import org.cadre.evaluation.summative.SummativeRatings;
import org.cadre.organization.RoleAssignments;
import org.cadre.shared.ConflictException;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.ForbiddenException;
import org.cadre.shared.InvalidInputException;
import org.cadre.shared.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The observation cycle on real PostgreSQL, with the demo network's appraiser, teachers and administrators. */
class ObservationsGoFromSchedulingToAcknowledgement extends CadreIntegrationTest {

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

    CurrentUser appraiser;
    CurrentUser teacher;
    CurrentUser otherTeacher;
    CurrentUser coach;
    CurrentUser principal;
    CurrentUser district;

    @BeforeEach
    void signIn() {
        appraiser = user(DemoAccounts.APPRAISER);
        teacher = user(DemoAccounts.TEACHER);
        otherTeacher = user(DemoAccounts.TEACHER_2);
        coach = user(DemoAccounts.COACH);
        principal = user(DemoAccounts.PRINCIPAL);
        district = user(DemoAccounts.DISTRICT_ADMIN);
    }

    @Test
    void anAppraiserConductsAnObservationAndTheTeacherAcknowledgesIt() {
        var scheduled = schedule(ObservationKind.FORMAL, null);
        assertThat(scheduled.status()).isEqualTo(ObservationStatus.SCHEDULED);
        assertThat(scheduled.policyVersionId()).isPositive();

        var first =
                observing.addNote(appraiser, scheduled.id(), "Students restate the objective", List.of("2.1"), "k-1");
        var again =
                observing.addNote(appraiser, scheduled.id(), "Students restate the objective", List.of("2.1"), "k-1");
        assertThat(again.id()).as("a resent note counts once").isEqualTo(first.id());
        observing.saveDraft(appraiser, scheduled.id(), "half a thought");
        assertThat(observing.page(appraiser, scheduled.id()).draft()).isEqualTo("half a thought");

        assertThatThrownBy(() -> observing.page(teacher, scheduled.id()))
                .as("a draft is invisible to the teacher")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> observing.page(coach, scheduled.id())).isInstanceOf(NotFoundException.class);
        assertThat(observing.page(principal, scheduled.id()).notes()).hasSize(1);

        var version = observing.visible(appraiser, scheduled.id()).version();
        var rated =
                observing.rate(appraiser, scheduled.id(), version, Map.of("2.1", 4, "3.1", 3), 50, "Clear routines");
        assertThat(rated.status()).isEqualTo(ObservationStatus.RATED);
        var shared = observing.share(appraiser, scheduled.id(), rated.version());
        assertThat(shared.status()).isEqualTo(ObservationStatus.SHARED);
        assertThat(shared.feedbackDueOn()).isNotNull();
        assertThat(shared.feedbackLate()).isFalse();

        var seen = observing.page(teacher, scheduled.id());
        assertThat(seen.notes()).as("evidence notes are the appraiser's").isEmpty();
        assertThatThrownBy(() -> observing.rate(teacher, scheduled.id(), shared.version(), Map.of("2.1", 5), 50, null))
                .as("the teacher never edits ratings")
                .isInstanceOf(ForbiddenException.class);
        var acknowledged = observing.acknowledge(teacher, scheduled.id(), shared.version(), "I disagree on 3.1");
        assertThat(acknowledged.status()).isEqualTo(ObservationStatus.ACKNOWLEDGED);
        assertThat(acknowledged.teacherResponse()).isEqualTo("I disagree on 3.1");

        assertThatThrownBy(
                        () -> observing.amend(appraiser, scheduled.id(), acknowledged.version(), Map.of("3.1", 4), " "))
                .isInstanceOf(InvalidInputException.class);
        var amended = observing.amend(
                appraiser,
                scheduled.id(),
                acknowledged.version(),
                Map.of("2.1", 4, "3.1", 4),
                "Re-read the evidence for 3.1");
        assertThat(amended.ratings()).containsEntry("3.1", 4);
        assertThat(amended.status()).as("the teacher acknowledges again").isEqualTo(ObservationStatus.SHARED);
        assertThat(amended.teacherResponse()).as("their response is kept").isEqualTo("I disagree on 3.1");
        assertThat(jdbc.sql(
                                "select count(*) from audit.audit_entry where entity_type = 'observation' and entity_id = ? and summary like '%amended%'")
                        .param(String.valueOf(scheduled.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void badRatingsAreRefusedAndChangeNothing() {
        var scheduled = schedule(ObservationKind.INFORMAL, null);
        assertThatThrownBy(() -> observing.rate(appraiser, scheduled.id(), 0, Map.of("2.1", 7), 20, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("7 is not on the rubric's scale (Distinguished 5");
        assertThatThrownBy(() -> observing.rate(appraiser, scheduled.id(), 0, Map.of("9.9", 3), 20, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'9.9' is not a dimension of");
        assertThatThrownBy(() -> observing.rate(appraiser, scheduled.id(), 0, Map.of("4.2", 3), 20, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rated at the end-of-year conference");
        assertThat(observing.visible(appraiser, scheduled.id()).ratings()).isEmpty();
        assertThat(observing.visible(appraiser, scheduled.id()).version()).isZero();
    }

    @Test
    void theSecondOfTwoSavesFromTheSameVersionIsToldAndNothingIsOverwritten() {
        var scheduled = schedule(ObservationKind.WALKTHROUGH, null);
        observing.rate(appraiser, scheduled.id(), 0, Map.of("2.1", 3), 15, "first");
        assertThatThrownBy(() -> observing.rate(appraiser, scheduled.id(), 0, Map.of("2.1", 5), 15, "second"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Someone else saved this observation");
        assertThat(observing.visible(appraiser, scheduled.id()).ratings()).containsEntry("2.1", 3);
    }

    @Test
    void aTeacherOnAnotherCampusCannotBeObserved() {
        assertThatThrownBy(() -> observing.schedule(
                        appraiser,
                        new Observing.Scheduling(
                                otherTeacher.staffId(), ObservationKind.INFORMAL, true, LocalDateTime.now(), 20, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not a teacher on a campus where you appraise");
    }

    @Test
    void aFormalObservationShorterThanThePolicysMinimumIsRefused() {
        assertThatThrownBy(() -> observing.schedule(
                        appraiser,
                        new Observing.Scheduling(
                                teacher.staffId(), ObservationKind.FORMAL, true, LocalDateTime.now(), 30, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least 45 minutes");
    }

    @Test
    void aMalformedRubricIsRefusedAndTheYearKeepsItsRubric() {
        var year = jdbc.sql("select id from organization.school_year where is_current")
                .query(Long.class)
                .single();
        var before = rubrics.inForce(year);
        assertThatThrownBy(() -> rubrics.load(district, year, "key: x\nlevels: []\n"))
                .isInstanceOf(InvalidRubricException.class);
        assertThatThrownBy(() -> rubrics.load(appraiser, year, Rubrics.defaultText()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(rubrics.inForce(year).id()).isEqualTo(before.id());
    }

    @Test
    void aFinalizedSummativeCannotBeEdited() {
        // A teacher of the first campus with no summative yet, so this test owns it.
        var teacherId = jdbc.sql("""
                        select ra.staff_id from organization.role_assignment ra
                        join organization.school_year y on y.id = ra.school_year_id and y.is_current
                        where ra.role = 'TEACHER' and ra.campus_id = (select campus_id from organization.role_assignment
                              where staff_id = ? and role = 'APPRAISER' limit 1)
                          and ra.staff_id <> ?
                          and not exists (select 1 from evaluation.summative s where s.teacher_staff_id = ra.staff_id)
                        order by ra.staff_id limit 1
                        """)
                .params(appraiser.staffId(), teacher.staffId())
                .query(Long.class)
                .single();
        var scheduled = observing.schedule(
                appraiser,
                new Observing.Scheduling(
                        teacherId,
                        ObservationKind.FORMAL,
                        true,
                        LocalDateTime.now().minusDays(1),
                        50,
                        null));
        var all = new HashMap<String, Integer>();
        rubrics.byId(scheduled.rubricId()).observedDimensions().forEach(d -> all.put(d.code(), 3));
        var rated = observing.rate(appraiser, scheduled.id(), 0, all, 50, "ok");
        observing.share(appraiser, scheduled.id(), rated.version());

        var draft = summatives.compute(appraiser, teacherId);
        assertThat(draft.instructionalQuality()).isEqualByComparingTo("3.00");
        assertThat(draft.complete()).isFalse();
        var conference = new HashMap<String, Integer>();
        rubrics.byId(scheduled.rubricId()).conferenceDimensions().forEach(d -> conference.put(d.code(), 4));
        assertThatThrownBy(() -> summatives.record(
                        appraiser,
                        teacherId,
                        draft.version(),
                        new SummativeInputs(null, "portfolio", Map.of("4.1", 9), Map.of(), null)))
                .isInstanceOf(InvalidInputException.class);
        var complete = summatives.record(
                appraiser,
                teacherId,
                draft.version(),
                new SummativeInputs(null, "portfolio", conference, Map.of(), new BigDecimal("3")));
        assertThat(complete.complete()).isTrue();
        // 0.5 × 3 + 0.35 × 3 + 0.15 × 4 = 3.15
        assertThat(complete.composite()).isEqualByComparingTo("3.15");
        assertThat(complete.effectivenessLevel()).isEqualTo("Proficient");
        assertThat(complete.line("2.1").observationIds()).containsExactly(scheduled.id());

        var finalized = summatives.finalize(appraiser, teacherId, complete.version());
        assertThat(finalized.finalized()).isTrue();
        assertThatThrownBy(() -> summatives.record(
                        appraiser,
                        teacherId,
                        finalized.version(),
                        new SummativeInputs(null, "more", conference, Map.of(), new BigDecimal("4"))))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("finalized");
        assertThatThrownBy(() -> jdbc.sql("update evaluation.summative set composite = 5 where id = ?")
                        .param(finalized.id())
                        .update())
                .as("the database refuses too")
                .hasMessageContaining("finalized");
        assertThat(summatives.computeYear(scheduled.schoolYearId())).isGreaterThanOrEqualTo(0);
        assertThat(summatives
                        .find(scheduled.schoolYearId(), teacherId)
                        .orElseThrow()
                        .composite())
                .isEqualByComparingTo("3.15");
    }

    private org.cadre.evaluation.observation.Observation schedule(ObservationKind kind, String lesson) {
        return observing.schedule(
                appraiser,
                new Observing.Scheduling(
                        teacher.staffId(), kind, true, LocalDateTime.now().minusHours(2), 50, lesson));
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
