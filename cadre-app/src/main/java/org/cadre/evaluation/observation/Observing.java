package org.cadre.evaluation.observation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cadre.audit.AuditTrail;
import org.cadre.evaluation.appraisal.AppraisalAccess;
import org.cadre.evaluation.appraisal.Appraisers;
import org.cadre.evaluation.appraisal.TeacherPlacement;
import org.cadre.evaluation.appraisal.Teachers;
import org.cadre.evaluation.rubric.Rubrics;
import org.cadre.evaluation.rules.FeedbackDeadline;
import org.cadre.evaluation.rules.WorkingDays;
import org.cadre.organization.StaffMembers;
import org.cadre.policy.Policies;
import org.cadre.shared.AccessRole;
import org.cadre.shared.ConflictException;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.ForbiddenException;
import org.cadre.shared.InvalidInputException;
import org.cadre.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conducting an observation, from scheduling to the teacher's acknowledgement. Each step checks who may take
 * it ({@link AppraisalAccess}), lets the {@link Observation} guard the transition, saves under optimistic locking
 * and records the change in the audit trail in the same transaction.
 */
@Service
public class Observing {

    /** What an appraiser asks for when scheduling. */
    public record Scheduling(
            long teacherId,
            ObservationKind kind,
            boolean announced,
            LocalDateTime scheduledFor,
            int plannedMinutes,
            String calibrationLesson) {}

    private final Observations observations;
    private final Teachers teachers;
    private final Appraisers appraisers;
    private final Rubrics rubrics;
    private final Policies policies;
    private final StaffMembers staff;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    Observing(
            Observations observations,
            Teachers teachers,
            Appraisers appraisers,
            Rubrics rubrics,
            Policies policies,
            StaffMembers staff,
            AuditTrail audit,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            Clock clock) {
        this.observations = observations;
        this.teachers = teachers;
        this.appraisers = appraisers;
        this.rubrics = rubrics;
        this.policies = policies;
        this.staff = staff;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Schedules an observation of a teacher the person appraises. */
    @Transactional
    public Observation schedule(CurrentUser user, Scheduling request) {
        if (user.staffId() == null) {
            throw new ForbiddenException("Only staff conduct observations");
        }
        if (request.kind() == null) {
            throw new InvalidInputException("kind", "is required (FORMAL, INFORMAL or WALKTHROUGH)");
        }
        if (request.scheduledFor() == null) {
            throw new InvalidInputException("scheduledFor", "is required");
        }
        TeacherPlacement teacher;
        try {
            teacher = teachers.placement(user, request.teacherId());
        } catch (NotFoundException e) {
            throw notOnYourCampus(request.teacherId());
        }
        if (!AppraisalAccess.mayAppraise(user, teacher)) {
            boolean appraisesThere = teacher.campusIds().stream().anyMatch(c -> user.holdsOn(c, AccessRole.APPRAISER));
            if (appraisesThere && !user.isStaff(teacher.teacherStaffId())) {
                throw new ForbiddenException(teacher.name() + " is assigned to another appraiser this year");
            }
            throw notOnYourCampus(request.teacherId());
        }
        long campus = teacher.campusIds().stream()
                .filter(c -> user.holdsOn(c, AccessRole.APPRAISER, AccessRole.CAMPUS_ADMIN))
                .findFirst()
                .orElseThrow();
        var year = teachers.currentYear();
        var policy = policies.inForce(year.id());
        var rubric = rubrics.inForce(year.id());
        var observation = Observation.schedule(
                year.id(),
                campus,
                teacher.teacherStaffId(),
                user.staffId(),
                rubric,
                policy.id(),
                request.kind(),
                request.announced(),
                request.scheduledFor().atZone(clock.getZone()).toInstant(),
                request.plannedMinutes(),
                policy.document().evaluation().formalObservations().minimumMinutes(),
                request.calibrationLesson());
        var saved = observations.insert(observation);
        audit.created(
                "observation",
                saved.id(),
                campus,
                request.kind().label() + " of " + teacher.name() + " scheduled for " + request.scheduledFor(),
                summary(saved));
        return saved;
    }

    /** The observation as the person may see it; not found for anyone else, and for the teacher until shared. */
    @Transactional(readOnly = true)
    public ObservationPage page(CurrentUser user, long id) {
        var observation = visible(user, id);
        boolean isTeacher = user.isStaff(observation.teacherStaffId());
        boolean mayRate = user.isStaff(observation.appraiserStaffId());
        return new ObservationPage(
                observation,
                rubrics.byId(observation.rubricId()),
                staff.nameOf(observation.teacherStaffId()).orElse("Teacher " + observation.teacherStaffId()),
                staff.nameOf(observation.appraiserStaffId()).orElse("Appraiser " + observation.appraiserStaffId()),
                isTeacher ? List.of() : observations.notes(id),
                mayRate ? observations.draft(id, user.staffId()).orElse("") : "",
                observations.amendments(id),
                mayRate,
                isTeacher);
    }

    /** The observation, if the person may see it in its current state. */
    @Transactional(readOnly = true)
    public Observation visible(CurrentUser user, long id) {
        var observation = observations.find(id).orElseThrow(() -> new NotFoundException("Observation", id));
        if (user.isStaff(observation.teacherStaffId())) {
            if (!observation.status().visibleToTeacher()) {
                throw new NotFoundException("Observation", id);
            }
            return observation;
        }
        if (user.isStaff(observation.appraiserStaffId())) {
            return observation;
        }
        var placement = new TeacherPlacement(
                observation.teacherStaffId(),
                "",
                java.util.Set.of(observation.campusId()),
                appraisers.assignedTo(observation.schoolYearId(), observation.teacherStaffId()));
        if (!AppraisalAccess.maySeeDrafts(user, placement)) {
            throw new NotFoundException("Observation", id);
        }
        return observation;
    }

    @Transactional
    public Observation holdPreConference(CurrentUser user, long id, int version, String notes) {
        var observation = forAppraiser(user, id, version);
        observation.holdPreConference(user.staffId(), clock.instant(), notes);
        return save(observation, "Pre-conference held");
    }

    /** Adds a time-stamped evidence note, stamped when it arrives. */
    @Transactional
    public EvidenceNote addNote(CurrentUser user, long id, String body, List<String> dimensions, String clientKey) {
        return addNote(user, id, body, dimensions, clientKey, null);
    }

    /**
     * Adds a time-stamped evidence note; the first note starts the observation. Sent twice with the same client
     * key, it counts once. {@code takenAt} is when the appraiser added it on their device: a note kept there while
     * the connection was down arrives later but keeps the time it was taken (a time in the future is taken as now).
     */
    @Transactional
    public EvidenceNote addNote(
            CurrentUser user, long id, String body, List<String> dimensions, String clientKey, Instant takenAt) {
        var observation = forAppraiser(user, id, null);
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "write the evidence before adding it");
        }
        if (body.length() > 20_000) {
            throw new InvalidInputException("body", "must be at most 20,000 characters");
        }
        if (!observation.takesNotes()) {
            throw new ConflictException("This observation has been shared; its evidence is closed");
        }
        var rubric = rubrics.byId(observation.rubricId());
        var tags = dimensions == null
                ? List.<String>of()
                : dimensions.stream().filter(d -> !d.isBlank()).distinct().toList();
        for (var tag : tags) {
            if (rubric.dimension(tag).isEmpty()) {
                throw new InvalidInputException("dimensions", "'" + tag + "' is not a dimension of " + rubric.name());
            }
        }
        var now = clock.instant();
        var notedAt = takenAt == null || takenAt.isAfter(now) ? now : takenAt;
        if (observation.status() == ObservationStatus.SCHEDULED) {
            observation.begin(user.staffId(), notedAt);
            // Starting is not an edit others could collide with, so it does not move the version.
            jdbc.sql(
                            "update evaluation.observation set status = 'IN_PROGRESS', started_at = ? where id = ? and status = 'SCHEDULED'")
                    .params(java.sql.Timestamp.from(notedAt), id)
                    .update();
        }
        var added = observations.addNote(id, user.staffId(), notedAt, body.strip(), tags, blankToNull(clientKey));
        if (added.first()) {
            observations.clearDraftOf(id, user.staffId(), added.note().body(), now);
            audit.created(
                    "evidence-note",
                    added.note().id(),
                    observation.campusId(),
                    "Evidence noted in observation " + id,
                    Map.of("observationId", id));
        }
        return added.note();
    }

    /** Keeps the note being typed, as it is typed. */
    @Transactional
    public Instant saveDraft(CurrentUser user, long id, String body) {
        var observation = forAppraiser(user, id, null);
        if (!observation.takesNotes()) {
            throw new ConflictException("This observation has been shared; its evidence is closed");
        }
        if (body != null && body.length() > 20_000) {
            throw new InvalidInputException("body", "must be at most 20,000 characters");
        }
        var now = clock.instant();
        observations.saveDraft(id, user.staffId(), body == null ? "" : body, now);
        return now;
    }

    @Transactional
    public Observation rate(
            CurrentUser user, long id, int version, Map<String, Integer> ratings, Integer minutes, String feedback) {
        var observation = forAppraiser(user, id, version);
        var before = Map.copyOf(observation.ratings());
        observation.rate(user.staffId(), rubrics.byId(observation.rubricId()), ratings, minutes, feedback);
        var saved = observations.update(observation);
        audit.changed(
                "observation", id, observation.campusId(), "Observation " + id + " rated", before, saved.ratings());
        return saved;
    }

    @Transactional
    public Observation holdPostConference(CurrentUser user, long id, int version, String notes) {
        var observation = forAppraiser(user, id, version);
        observation.holdPostConference(user.staffId(), clock.instant(), notes);
        return save(observation, "Post-conference held");
    }

    /** Shares the observation with the teacher and tells other capabilities ({@code ObservationShared}). */
    @Transactional
    public Observation share(CurrentUser user, long id, int version) {
        var observation = forAppraiser(user, id, version);
        var policy = policies.version(observation.policyVersionId()).document().evaluation();
        var deadline = new FeedbackDeadline(policy.feedbackDueWorkingDays(), new WorkingDays(holidays()));
        var shared = observation.share(
                user.staffId(),
                clock.instant(),
                clock.getZone(),
                deadline,
                policy.formalObservations().minimumMinutes());
        var saved = save(observation, shared.late() ? "Shared with the teacher (late)" : "Shared with the teacher");
        events.publishEvent(shared);
        return saved;
    }

    /** The teacher acknowledges the observation, with an optional written response. */
    @Transactional
    public Observation acknowledge(CurrentUser user, long id, int version, String response) {
        var observation = visible(user, id);
        if (!user.isStaff(observation.teacherStaffId())) {
            throw new ForbiddenException("Only the teacher observed acknowledges an observation");
        }
        requireVersion(observation, version);
        observation.acknowledge(user.staffId(), clock.instant(), response);
        return save(observation, "Acknowledged by the teacher");
    }

    /** The appraiser corrects a shared observation's ratings, with a reason; both are audited. */
    @Transactional
    public Observation amend(CurrentUser user, long id, int version, Map<String, Integer> ratings, String reason) {
        var observation = forAppraiser(user, id, version);
        var before = observation.amend(user.staffId(), rubrics.byId(observation.rubricId()), ratings, reason);
        var saved = observations.update(observation);
        var json = JsonMapper.shared();
        observations.recordAmendment(
                id,
                user.staffId(),
                clock.instant(),
                reason.strip(),
                json.writeValueAsString(before),
                json.writeValueAsString(saved.ratings()));
        var after = new LinkedHashMap<String, Object>(saved.ratings());
        after.put("reason", reason.strip());
        audit.changed(
                "observation",
                id,
                observation.campusId(),
                "Shared observation " + id + " amended: " + reason.strip(),
                before,
                after);
        return saved;
    }

    /** The network's holidays, which are not working days. */
    public java.util.Set<java.time.LocalDate> holidays() {
        return new java.util.HashSet<>(jdbc.sql("select day from evaluation.holiday")
                .query(java.time.LocalDate.class)
                .list());
    }

    /** Refuses anyone but the observation's appraiser (not found if they may not even see it). */
    @Transactional(readOnly = true)
    public Observation requireAppraiserOf(CurrentUser user, long id) {
        return forAppraiser(user, id, null);
    }

    /** Refuses anyone but the teacher observed (not found until the observation is shared with them). */
    @Transactional(readOnly = true)
    public Observation requireTeacherOf(CurrentUser user, long id) {
        var observation = visible(user, id);
        if (!user.isStaff(observation.teacherStaffId())) {
            throw new ForbiddenException("Only the teacher observed acknowledges an observation");
        }
        return observation;
    }

    private Observation forAppraiser(CurrentUser user, long id, Integer version) {
        var observation = visible(user, id);
        if (!user.isStaff(observation.appraiserStaffId())) {
            throw new ForbiddenException("Only the observation's appraiser changes it");
        }
        if (version != null) {
            requireVersion(observation, version);
        }
        return observation;
    }

    private static void requireVersion(Observation observation, int version) {
        if (observation.version() != version) {
            throw Observations.staleVersion();
        }
    }

    private Observation save(Observation observation, String what) {
        var saved = observations.update(observation);
        audit.changed(
                "observation",
                saved.id(),
                saved.campusId(),
                what + " (observation " + saved.id() + ")",
                null,
                summary(saved));
        return saved;
    }

    private static Map<String, Object> summary(Observation o) {
        var summary = new LinkedHashMap<String, Object>();
        summary.put("teacher", o.teacherStaffId());
        summary.put("appraiser", o.appraiserStaffId());
        summary.put("kind", o.kind().name());
        summary.put("status", o.status().name());
        summary.put("scheduledFor", o.scheduledFor().toString());
        summary.put("rubricId", o.rubricId());
        summary.put("policyVersionId", o.policyVersionId());
        summary.put("ratings", o.ratings());
        return summary;
    }

    private static InvalidInputException notOnYourCampus(long teacherId) {
        return new InvalidInputException(
                "teacherId", "staff member " + teacherId + " is not a teacher on a campus where you appraise");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
