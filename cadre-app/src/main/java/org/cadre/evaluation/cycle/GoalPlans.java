package org.cadre.evaluation.cycle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.cadre.audit.AuditTrail;
import org.cadre.evaluation.appraisal.AppraisalAccess;
import org.cadre.evaluation.appraisal.Teachers;
import org.cadre.evaluation.rules.GoalSettingDeadline;
import org.cadre.policy.Policies;
import org.cadre.shared.ConflictException;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.InvalidInputException;
import org.cadre.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The teacher's goal-setting and professional-development plan, due the policy's number of weeks into the year.
 * The teacher writes it; their appraisers and administrators read it.
 */
@Service
public class GoalPlans {

    /** A plan as submitted. */
    public record GoalPlan(
            long id,
            long teacherStaffId,
            String goals,
            String developmentPlan,
            LocalDate dueOn,
            Instant submittedAt,
            long policyVersionId,
            int version) {

        public boolean late() {
            return submittedAt != null
                    && LocalDate.ofInstant(submittedAt, java.time.ZoneId.systemDefault())
                            .isAfter(dueOn);
        }
    }

    private final JdbcClient jdbc;
    private final Teachers teachers;
    private final Policies policies;
    private final AuditTrail audit;
    private final Clock clock;

    GoalPlans(JdbcClient jdbc, Teachers teachers, Policies policies, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.teachers = teachers;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    /** When this year's plan is due. */
    public LocalDate dueOn() {
        var year = teachers.currentYear();
        var weeks = policies.inForce(year.id()).document().evaluation().goalSettingDueWeeks();
        return new GoalSettingDeadline(weeks).dueOn(year.beginsOn());
    }

    @Transactional(readOnly = true)
    public Optional<GoalPlan> of(CurrentUser user, long teacherId) {
        var teacher = teachers.placement(user, teacherId);
        if (!AppraisalAccess.isTheTeacher(user, teacher) && !AppraisalAccess.maySeeDrafts(user, teacher)) {
            throw new NotFoundException("Teacher", teacherId);
        }
        return jdbc.sql("select * from evaluation.goal_plan where school_year_id = ? and teacher_staff_id = ?")
                .params(teachers.currentYear().id(), teacherId)
                .query((rs, n) -> new GoalPlan(
                        rs.getLong("id"),
                        rs.getLong("teacher_staff_id"),
                        rs.getString("goals"),
                        rs.getString("development_plan"),
                        rs.getObject("due_on", LocalDate.class),
                        rs.getTimestamp("submitted_at").toInstant(),
                        rs.getLong("policy_version_id"),
                        rs.getInt("version")))
                .optional();
    }

    /** The teacher submits (or revises) their own plan. */
    @Transactional
    public GoalPlan submit(CurrentUser user, String goals, String developmentPlan, Integer version) {
        if (user.staffId() == null) {
            throw new NotFoundException("Teacher", "you");
        }
        var teacher = teachers.placement(user, user.staffId());
        if (goals == null || goals.isBlank()) {
            throw new InvalidInputException("goals", "write at least one goal");
        }
        if (developmentPlan == null || developmentPlan.isBlank()) {
            throw new InvalidInputException("developmentPlan", "say how you will reach your goals");
        }
        var year = teachers.currentYear();
        var policy = policies.inForce(year.id());
        var existing = of(user, user.staffId());
        var now = clock.instant();
        if (existing.isPresent()) {
            if (version == null || existing.get().version() != version) {
                throw new ConflictException("Your plan was changed in another window; reload before saving again");
            }
            jdbc.sql("""
                            update evaluation.goal_plan set goals = ?, development_plan = ?, submitted_at = ?, version = version + 1
                            where id = ? and version = ?
                            """)
                    .params(
                            goals.strip(),
                            developmentPlan.strip(),
                            java.sql.Timestamp.from(now),
                            existing.get().id(),
                            version)
                    .update();
        } else {
            jdbc.sql("""
                            insert into evaluation.goal_plan (school_year_id, teacher_staff_id, campus_id, goals, development_plan,
                                due_on, submitted_at, policy_version_id) values (?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            year.id(),
                            user.staffId(),
                            teacher.campusIds().stream().sorted().findFirst().orElseThrow(),
                            goals.strip(),
                            developmentPlan.strip(),
                            dueOn(),
                            java.sql.Timestamp.from(now),
                            policy.id())
                    .update();
        }
        var saved = of(user, user.staffId()).orElseThrow();
        audit.changed(
                "goal-plan",
                saved.id(),
                null,
                "Goal-setting and professional-development plan submitted",
                existing.map(p -> Map.of("goals", p.goals(), "developmentPlan", p.developmentPlan()))
                        .orElse(null),
                Map.of("goals", saved.goals(), "developmentPlan", saved.developmentPlan()));
        return saved;
    }
}
