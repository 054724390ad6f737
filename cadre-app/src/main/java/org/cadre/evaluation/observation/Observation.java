package org.cadre.evaluation.observation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.cadre.evaluation.ObservationShared;
import org.cadre.evaluation.rubric.Rubric;
import org.cadre.evaluation.rules.FeedbackDeadline;
import org.cadre.shared.ConflictException;
import org.cadre.shared.ForbiddenException;
import org.cadre.shared.InvalidInputException;

/**
 * One observed lesson, the aggregate that guards its own life: it is scheduled, taken (evidence notes are kept
 * beside it), rated on the rubric it was scheduled under, shared with the teacher, and acknowledged by them. Only
 * its appraiser rates it; once shared, ratings change only by an amendment with a reason. The teacher never
 * changes a rating. Free of Spring: its rules are tested as plain Java.
 */
public final class Observation {

    private final Long id;
    private final long schoolYearId;
    private final long campusId;
    private final long teacherStaffId;
    private final long appraiserStaffId;
    private final long rubricId;
    private final long policyVersionId;
    private final ObservationKind kind;
    private final boolean announced;
    private final Instant scheduledFor;
    private final int plannedMinutes;
    private final String calibrationLesson;
    private ObservationStatus status;
    private Instant preConferenceAt;
    private String preConferenceNotes;
    private Instant startedAt;
    private Integer observedMinutes;
    private Instant postConferenceAt;
    private String postConferenceNotes;
    private String feedback;
    private Instant sharedAt;
    private LocalDate feedbackDueOn;
    private Boolean feedbackLate;
    private Instant acknowledgedAt;
    private String teacherResponse;
    private final Map<String, Integer> ratings;
    private final int version;

    /** Rebuilds an observation as stored; only the repository calls this. */
    Observation(
            Long id,
            long schoolYearId,
            long campusId,
            long teacherStaffId,
            long appraiserStaffId,
            long rubricId,
            long policyVersionId,
            ObservationKind kind,
            boolean announced,
            Instant scheduledFor,
            int plannedMinutes,
            String calibrationLesson,
            ObservationStatus status,
            Instant preConferenceAt,
            String preConferenceNotes,
            Instant startedAt,
            Integer observedMinutes,
            Instant postConferenceAt,
            String postConferenceNotes,
            String feedback,
            Instant sharedAt,
            LocalDate feedbackDueOn,
            Boolean feedbackLate,
            Instant acknowledgedAt,
            String teacherResponse,
            Map<String, Integer> ratings,
            int version) {
        this.id = id;
        this.schoolYearId = schoolYearId;
        this.campusId = campusId;
        this.teacherStaffId = teacherStaffId;
        this.appraiserStaffId = appraiserStaffId;
        this.rubricId = rubricId;
        this.policyVersionId = policyVersionId;
        this.kind = kind;
        this.announced = announced;
        this.scheduledFor = scheduledFor;
        this.plannedMinutes = plannedMinutes;
        this.calibrationLesson = calibrationLesson;
        this.status = status;
        this.preConferenceAt = preConferenceAt;
        this.preConferenceNotes = preConferenceNotes;
        this.startedAt = startedAt;
        this.observedMinutes = observedMinutes;
        this.postConferenceAt = postConferenceAt;
        this.postConferenceNotes = postConferenceNotes;
        this.feedback = feedback;
        this.sharedAt = sharedAt;
        this.feedbackDueOn = feedbackDueOn;
        this.feedbackLate = feedbackLate;
        this.acknowledgedAt = acknowledgedAt;
        this.teacherResponse = teacherResponse;
        this.ratings = new TreeMap<>(ratings);
        this.version = version;
    }

    /** A new observation in the calendar of the teacher and the appraiser. */
    public static Observation schedule(
            long schoolYearId,
            long campusId,
            long teacherStaffId,
            long appraiserStaffId,
            Rubric rubric,
            long policyVersionId,
            ObservationKind kind,
            boolean announced,
            Instant scheduledFor,
            int plannedMinutes,
            int minimumFormalMinutes,
            String calibrationLesson) {
        if (teacherStaffId == appraiserStaffId) {
            throw new InvalidInputException("teacherId", "an appraiser cannot observe their own lesson");
        }
        if (plannedMinutes < 1 || plannedMinutes > 480) {
            throw new InvalidInputException("plannedMinutes", "must be between 1 and 480");
        }
        if (kind == ObservationKind.FORMAL && plannedMinutes < minimumFormalMinutes) {
            throw new InvalidInputException(
                    "plannedMinutes",
                    "a formal observation lasts at least " + minimumFormalMinutes
                            + " minutes under this year's policy");
        }
        return new Observation(
                null,
                schoolYearId,
                campusId,
                teacherStaffId,
                appraiserStaffId,
                rubric.id(),
                policyVersionId,
                kind,
                announced,
                scheduledFor,
                plannedMinutes,
                calibrationLesson == null || calibrationLesson.isBlank() ? null : calibrationLesson.strip(),
                ObservationStatus.SCHEDULED,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Map.of(),
                0);
    }

    /** The optional conference before the lesson; only while the observation is still scheduled. */
    public void holdPreConference(long byStaff, Instant at, String notes) {
        requireAppraiser(byStaff);
        if (status != ObservationStatus.SCHEDULED) {
            throw new ConflictException("The pre-conference comes before the lesson; this observation is "
                    + status.label().toLowerCase());
        }
        preConferenceAt = at;
        preConferenceNotes = notes == null ? null : notes.strip();
    }

    /** The appraiser starts taking evidence in the classroom. Taking more notes later changes nothing. */
    public void begin(long byStaff, Instant at) {
        requireAppraiser(byStaff);
        if (status == ObservationStatus.SCHEDULED) {
            status = ObservationStatus.IN_PROGRESS;
            startedAt = at;
        }
    }

    /** Whether evidence may still be added: from the start of the lesson until it is shared. */
    public boolean takesNotes() {
        return status == ObservationStatus.SCHEDULED
                || status == ObservationStatus.IN_PROGRESS
                || status == ObservationStatus.RATED;
    }

    /**
     * The appraiser's rating of each dimension seen, with the lesson's length and the written feedback. Every
     * dimension must be an observed dimension of the observation's rubric and every rating one of its levels.
     */
    public void rate(long byStaff, Rubric rubric, Map<String, Integer> given, Integer minutes, String writtenFeedback) {
        requireAppraiser(byStaff);
        if (status == ObservationStatus.SHARED || status == ObservationStatus.ACKNOWLEDGED) {
            throw new ConflictException(
                    "This observation has been shared; its ratings change only by an amendment" + " with a reason");
        }
        check(rubric, given);
        if (minutes != null && (minutes < 1 || minutes > 480)) {
            throw new InvalidInputException("observedMinutes", "must be between 1 and 480");
        }
        if (status == ObservationStatus.SCHEDULED) {
            startedAt = scheduledFor;
        }
        ratings.clear();
        ratings.putAll(given);
        observedMinutes = minutes;
        feedback = writtenFeedback == null ? null : writtenFeedback.strip();
        status = ratings.isEmpty() ? ObservationStatus.IN_PROGRESS : ObservationStatus.RATED;
    }

    /** The conference after the lesson, where the appraiser goes through the evidence with the teacher. */
    public void holdPostConference(long byStaff, Instant at, String notes) {
        requireAppraiser(byStaff);
        if (status == ObservationStatus.SCHEDULED || status == ObservationStatus.IN_PROGRESS) {
            throw new ConflictException("Rate the lesson before holding its post-conference");
        }
        postConferenceAt = at;
        postConferenceNotes = notes == null ? null : notes.strip();
    }

    /**
     * Shares the ratings and feedback with the teacher. Needs ratings, and for a formal observation a lesson at
     * least the policy's minimum length. Feedback shared after its due date is flagged late.
     */
    public ObservationShared share(
            long byStaff, Instant now, ZoneId zone, FeedbackDeadline deadline, int minimumFormalMinutes) {
        requireAppraiser(byStaff);
        if (status != ObservationStatus.RATED) {
            throw new ConflictException(
                    switch (status) {
                        case SHARED, ACKNOWLEDGED -> "This observation has already been shared";
                        default -> "Rate the lesson before sharing it";
                    });
        }
        if (kind == ObservationKind.FORMAL && (observedMinutes == null || observedMinutes < minimumFormalMinutes)) {
            throw new InvalidInputException(
                    "observedMinutes",
                    "a formal observation must last at least " + minimumFormalMinutes
                            + " minutes under this year's policy; record how long the lesson was observed");
        }
        var observedOn = observedOn(zone);
        sharedAt = now;
        feedbackDueOn = deadline.dueOn(observedOn);
        feedbackLate = deadline.isLate(observedOn, LocalDate.ofInstant(now, zone));
        status = ObservationStatus.SHARED;
        return new ObservationShared(
                id, teacherStaffId, appraiserStaffId, schoolYearId, kind.name(), now, feedbackDueOn, feedbackLate);
    }

    /** The teacher acknowledges the shared observation, optionally responding in writing. Acknowledging is not agreeing. */
    public void acknowledge(long byStaff, Instant at, String response) {
        if (byStaff != teacherStaffId) {
            throw new ForbiddenException("Only the teacher observed acknowledges an observation");
        }
        if (status != ObservationStatus.SHARED) {
            throw new ConflictException(
                    status == ObservationStatus.ACKNOWLEDGED
                            ? "You have already acknowledged this observation"
                            : "This observation has not been shared with you yet");
        }
        if (response != null && response.length() > 10_000) {
            throw new InvalidInputException("response", "must be at most 10,000 characters");
        }
        acknowledgedAt = at;
        teacherResponse = response == null || response.isBlank() ? null : response.strip();
        status = ObservationStatus.ACKNOWLEDGED;
    }

    /**
     * The appraiser corrects the ratings of a shared observation, giving a reason. The teacher is asked to
     * acknowledge again; their earlier written response is kept.
     *
     * @return the ratings before the amendment
     */
    public Map<String, Integer> amend(long byStaff, Rubric rubric, Map<String, Integer> corrected, String reason) {
        requireAppraiser(byStaff);
        if (status != ObservationStatus.SHARED && status != ObservationStatus.ACKNOWLEDGED) {
            throw new ConflictException(
                    "Only a shared observation is amended; until then, change its ratings directly");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "say why a shared observation's ratings change");
        }
        check(rubric, corrected);
        if (corrected.isEmpty()) {
            throw new InvalidInputException("ratings", "a shared observation keeps at least one rating");
        }
        var before = new LinkedHashMap<>(ratings);
        ratings.clear();
        ratings.putAll(corrected);
        status = ObservationStatus.SHARED;
        acknowledgedAt = null;
        return before;
    }

    /** The day the lesson was observed, in the network's time zone. */
    public LocalDate observedOn(ZoneId zone) {
        return LocalDate.ofInstant(startedAt != null ? startedAt : scheduledFor, zone);
    }

    private void check(Rubric rubric, Map<String, Integer> given) {
        if (rubric.id() != rubricId) {
            throw new IllegalArgumentException("rated against rubric " + rubric.id() + ", scheduled under " + rubricId);
        }
        var errors = new LinkedHashMap<String, String>();
        for (var entry : given.entrySet()) {
            var field = "ratings." + entry.getKey();
            var dimension = rubric.dimension(entry.getKey());
            if (dimension.isEmpty()) {
                errors.put(field, field + ": '" + entry.getKey() + "' is not a dimension of " + rubric.name());
            } else if (!rubric.isObserved(entry.getKey())) {
                errors.put(
                        field,
                        field + ": " + dimension.get().name()
                                + " is rated at the end-of-year conference, not in an observation");
            } else if (entry.getValue() == null || !rubric.onScale(entry.getValue())) {
                errors.put(
                        field,
                        field + ": " + entry.getValue() + " is not on the rubric's scale (" + rubric.scale() + ")");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors, String.join("; ", errors.values()));
        }
    }

    private void requireAppraiser(long byStaff) {
        if (byStaff != appraiserStaffId) {
            throw new ForbiddenException("Only the observation's appraiser changes it");
        }
    }

    public Long id() {
        return id;
    }

    public long schoolYearId() {
        return schoolYearId;
    }

    public long campusId() {
        return campusId;
    }

    public long teacherStaffId() {
        return teacherStaffId;
    }

    public long appraiserStaffId() {
        return appraiserStaffId;
    }

    public long rubricId() {
        return rubricId;
    }

    public long policyVersionId() {
        return policyVersionId;
    }

    public ObservationKind kind() {
        return kind;
    }

    public boolean announced() {
        return announced;
    }

    public Instant scheduledFor() {
        return scheduledFor;
    }

    public int plannedMinutes() {
        return plannedMinutes;
    }

    public String calibrationLesson() {
        return calibrationLesson;
    }

    public ObservationStatus status() {
        return status;
    }

    public Instant preConferenceAt() {
        return preConferenceAt;
    }

    public String preConferenceNotes() {
        return preConferenceNotes;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Integer observedMinutes() {
        return observedMinutes;
    }

    public Instant postConferenceAt() {
        return postConferenceAt;
    }

    public String postConferenceNotes() {
        return postConferenceNotes;
    }

    public String feedback() {
        return feedback;
    }

    public Instant sharedAt() {
        return sharedAt;
    }

    public LocalDate feedbackDueOn() {
        return feedbackDueOn;
    }

    public Boolean feedbackLate() {
        return feedbackLate;
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    public String teacherResponse() {
        return teacherResponse;
    }

    public Map<String, Integer> ratings() {
        return java.util.Collections.unmodifiableMap(ratings);
    }

    public int version() {
        return version;
    }

    /** The same observation with the id the database gave it. */
    Observation withId(long newId, int newVersion) {
        return new Observation(
                newId,
                schoolYearId,
                campusId,
                teacherStaffId,
                appraiserStaffId,
                rubricId,
                policyVersionId,
                kind,
                announced,
                scheduledFor,
                plannedMinutes,
                calibrationLesson,
                status,
                preConferenceAt,
                preConferenceNotes,
                startedAt,
                observedMinutes,
                postConferenceAt,
                postConferenceNotes,
                feedback,
                sharedAt,
                feedbackDueOn,
                feedbackLate,
                acknowledgedAt,
                teacherResponse,
                ratings,
                newVersion);
    }
}
