package org.cadre.evaluation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.cadre.evaluation.appraisal.AppraisalAccess;
import org.cadre.evaluation.appraisal.Teachers;
import org.cadre.evaluation.calibration.Calibration;
import org.cadre.evaluation.caseload.Caseloads;
import org.cadre.evaluation.cycle.GoalPlans;
import org.cadre.evaluation.export.EdFiExport;
import org.cadre.evaluation.observation.EvidenceNote;
import org.cadre.evaluation.observation.ObservationKind;
import org.cadre.evaluation.observation.Observations;
import org.cadre.evaluation.observation.Observing;
import org.cadre.evaluation.rubric.Rubric;
import org.cadre.evaluation.rubric.Rubrics;
import org.cadre.evaluation.summative.SummativeInputs;
import org.cadre.evaluation.summative.SummativeRating;
import org.cadre.evaluation.summative.SummativeRatings;
import org.cadre.shared.CurrentUsers;
import org.cadre.shared.ForbiddenException;
import org.cadre.shared.InvalidInputException;
import org.cadre.shared.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Teacher evaluation through the REST API, under the same access rules as the pages. */
@RestController
@Tag(
        name = "Evaluation",
        description = "Rubrics, observations, summative ratings, caseloads, calibration and the Ed-Fi export")
class EvaluationApi {

    /** An observation as the API shows it. */
    record ObservationView(
            long id,
            long teacherId,
            long appraiserId,
            long campusId,
            long schoolYearId,
            long rubricId,
            long policyVersionId,
            String kind,
            boolean announced,
            String status,
            String scheduledFor,
            Integer plannedMinutes,
            Integer observedMinutes,
            Map<String, Integer> ratings,
            String feedback,
            String sharedAt,
            LocalDate feedbackDueOn,
            Boolean feedbackLate,
            String acknowledgedAt,
            String teacherResponse,
            String calibrationLesson,
            int version) {

        static ObservationView of(org.cadre.evaluation.observation.Observation o) {
            return new ObservationView(
                    o.id(),
                    o.teacherStaffId(),
                    o.appraiserStaffId(),
                    o.campusId(),
                    o.schoolYearId(),
                    o.rubricId(),
                    o.policyVersionId(),
                    o.kind().name(),
                    o.announced(),
                    o.status().name(),
                    o.scheduledFor().toString(),
                    o.plannedMinutes(),
                    o.observedMinutes(),
                    o.ratings(),
                    o.feedback(),
                    o.sharedAt() == null ? null : o.sharedAt().toString(),
                    o.feedbackDueOn(),
                    o.feedbackLate(),
                    o.acknowledgedAt() == null ? null : o.acknowledgedAt().toString(),
                    o.teacherResponse(),
                    o.calibrationLesson(),
                    o.version());
        }
    }

    record ScheduleRequest(
            Long teacherId,
            ObservationKind kind,
            Boolean announced,
            LocalDateTime scheduledFor,
            Integer plannedMinutes,
            String calibrationLesson) {}

    /** @param takenAt when the note was taken on the device, if it was kept there while offline */
    record NoteRequest(String body, List<String> dimensions, String clientKey, java.time.Instant takenAt) {}

    record DraftRequest(String body) {}

    record VersionRequest(Integer version) {}

    record ConferenceRequest(Integer version, String notes) {}

    record RatingsRequest(Integer version, Map<String, Integer> ratings, Integer observedMinutes, String feedback) {}

    record AcknowledgementRequest(Integer version, String response) {}

    record AmendmentRequest(Integer version, Map<String, Integer> ratings, String reason) {}

    record SummativeInputsRequest(
            Integer version,
            LocalDate conferenceOn,
            String conferenceEvidence,
            Map<String, Integer> conferenceRatings,
            Map<String, Integer> judgements,
            BigDecimal studentGrowth) {}

    record GoalPlanRequest(String goals, String developmentPlan, Integer version) {}

    private final Observing observing;
    private final Observations observations;
    private final Teachers teachers;
    private final Rubrics rubrics;
    private final SummativeRatings summatives;
    private final Caseloads caseloads;
    private final Calibration calibration;
    private final GoalPlans goalPlans;
    private final EdFiExport edFi;

    EvaluationApi(
            Observing observing,
            Observations observations,
            Teachers teachers,
            Rubrics rubrics,
            SummativeRatings summatives,
            Caseloads caseloads,
            Calibration calibration,
            GoalPlans goalPlans,
            EdFiExport edFi) {
        this.observing = observing;
        this.observations = observations;
        this.teachers = teachers;
        this.rubrics = rubrics;
        this.summatives = summatives;
        this.caseloads = caseloads;
        this.calibration = calibration;
        this.goalPlans = goalPlans;
        this.edFi = edFi;
    }

    // Rubrics

    @GetMapping("/api/v1/evaluation/rubrics")
    @Operation(summary = "Every rubric version")
    List<Rubrics.Listed> rubrics() {
        CurrentUsers.require();
        return rubrics.all();
    }

    @GetMapping("/api/v1/evaluation/rubrics/{id}")
    @Operation(summary = "One rubric version: levels, domains, dimensions and descriptors")
    Rubric rubric(@PathVariable long id) {
        return rubrics.byId(id);
    }

    @GetMapping("/api/v1/evaluation/school-years/{id}/rubric")
    @Operation(summary = "The rubric a school year uses")
    Rubric rubricOfYear(@PathVariable long id) {
        teachers.year(id);
        return rubrics.inForce(id);
    }

    @PostMapping(
            path = "/api/v1/evaluation/school-years/{id}/rubric",
            consumes = {
                "application/yaml",
                "application/x-yaml",
                "text/yaml",
                MediaType.APPLICATION_JSON_VALUE,
                MediaType.TEXT_PLAIN_VALUE
            })
    @Operation(summary = "Load a rubric (YAML or JSON body) for a school year; 400 lists every problem with its path")
    ResponseEntity<Rubric> loadRubric(@PathVariable long id, @RequestBody(required = false) String document) {
        var user = CurrentUsers.require();
        if (!AppraisalAccess.isDistrictWide(user)) {
            throw new ForbiddenException("Only district administrators load rubrics");
        }
        teachers.year(id);
        var loaded = rubrics.load(user, id, document);
        return ResponseEntity.created(URI.create("/api/v1/evaluation/rubrics/" + loaded.id()))
                .body(loaded);
    }

    // Observations

    @PostMapping("/api/v1/evaluation/observations")
    @Operation(summary = "Schedule an observation of a teacher you appraise")
    ResponseEntity<ObservationView> schedule(@RequestBody ScheduleRequest request) {
        var user = CurrentUsers.require();
        if (caseloads.campusesInView(user).isEmpty() || user.isDistrictAdmin() && request.teacherId() == null) {
            throw new ForbiddenException("Only appraisers schedule observations");
        }
        if (request.teacherId() == null) {
            throw new InvalidInputException("teacherId", "is required");
        }
        var scheduled = observing.schedule(
                user,
                new Observing.Scheduling(
                        request.teacherId(),
                        request.kind(),
                        request.announced() == null || request.announced(),
                        request.scheduledFor(),
                        Forms.required(request.plannedMinutes(), "plannedMinutes"),
                        request.calibrationLesson()));
        return ResponseEntity.created(URI.create("/api/v1/evaluation/observations/" + scheduled.id()))
                .body(ObservationView.of(scheduled));
    }

    @GetMapping("/api/v1/evaluation/observations/{id}")
    @Operation(summary = "One observation; a teacher sees their own once it is shared")
    ObservationView observation(@PathVariable long id) {
        return ObservationView.of(observing.visible(CurrentUsers.require(), id));
    }

    @GetMapping("/api/v1/evaluation/observations/{id}/notes")
    @Operation(summary = "The evidence notes of an observation (not shown to the teacher)")
    List<EvidenceNote> notes(@PathVariable long id) {
        var page = observing.page(CurrentUsers.require(), id);
        if (page.isTeacher()) {
            throw new ForbiddenException("Evidence notes are the appraiser's working notes");
        }
        return page.notes();
    }

    @PostMapping("/api/v1/evaluation/observations/{id}/notes")
    @Operation(summary = "Add a time-stamped evidence note; the same clientKey twice is kept once")
    EvidenceNote addNote(@PathVariable long id, @RequestBody NoteRequest request) {
        return observing.addNote(
                CurrentUsers.require(),
                id,
                request.body(),
                request.dimensions(),
                request.clientKey(),
                request.takenAt());
    }

    @PutMapping("/api/v1/evaluation/observations/{id}/draft")
    @Operation(summary = "Save the note being typed")
    Map<String, String> saveDraft(@PathVariable long id, @RequestBody DraftRequest request) {
        return Map.of(
                "savedAt",
                observing.saveDraft(CurrentUsers.require(), id, request.body()).toString());
    }

    @PostMapping("/api/v1/evaluation/observations/{id}/pre-conference")
    @Operation(summary = "Record the pre-conference")
    ObservationView preConference(@PathVariable long id, @RequestBody ConferenceRequest request) {
        var user = CurrentUsers.require();
        observing.requireAppraiserOf(user, id);
        return ObservationView.of(
                observing.holdPreConference(user, id, Forms.required(request.version(), "version"), request.notes()));
    }

    @PutMapping("/api/v1/evaluation/observations/{id}/ratings")
    @Operation(summary = "Rate the lesson; 409 if someone saved it since the version you send")
    ObservationView rate(@PathVariable long id, @RequestBody RatingsRequest request) {
        var user = CurrentUsers.require();
        observing.requireAppraiserOf(user, id);
        return ObservationView.of(observing.rate(
                user,
                id,
                Forms.required(request.version(), "version"),
                request.ratings() == null ? Map.of() : request.ratings(),
                request.observedMinutes(),
                request.feedback()));
    }

    @PostMapping("/api/v1/evaluation/observations/{id}/post-conference")
    @Operation(summary = "Record the post-conference")
    ObservationView postConference(@PathVariable long id, @RequestBody ConferenceRequest request) {
        var user = CurrentUsers.require();
        observing.requireAppraiserOf(user, id);
        return ObservationView.of(
                observing.holdPostConference(user, id, Forms.required(request.version(), "version"), request.notes()));
    }

    @PostMapping("/api/v1/evaluation/observations/{id}/share")
    @Operation(summary = "Share with the teacher (publishes ObservationShared)")
    ObservationView share(@PathVariable long id, @RequestBody VersionRequest request) {
        var user = CurrentUsers.require();
        observing.requireAppraiserOf(user, id);
        return ObservationView.of(observing.share(user, id, Forms.required(request.version(), "version")));
    }

    @PostMapping("/api/v1/evaluation/observations/{id}/acknowledgement")
    @Operation(summary = "The teacher acknowledges, optionally with a written response")
    ObservationView acknowledge(@PathVariable long id, @RequestBody AcknowledgementRequest request) {
        var user = CurrentUsers.require();
        observing.requireTeacherOf(user, id);
        return ObservationView.of(
                observing.acknowledge(user, id, Forms.required(request.version(), "version"), request.response()));
    }

    @PostMapping("/api/v1/evaluation/observations/{id}/amendment")
    @Operation(summary = "The appraiser amends a shared observation's ratings with a reason (audited)")
    ObservationView amend(@PathVariable long id, @RequestBody AmendmentRequest request) {
        var user = CurrentUsers.require();
        observing.requireAppraiserOf(user, id);
        return ObservationView.of(observing.amend(
                user,
                id,
                Forms.required(request.version(), "version"),
                request.ratings() == null ? Map.of() : request.ratings(),
                request.reason()));
    }

    @GetMapping("/api/v1/evaluation/teachers/{id}/observations")
    @Operation(summary = "A teacher's observations this year (the teacher: shared ones only)")
    List<ObservationView> observationsOf(@PathVariable long id) {
        var user = CurrentUsers.require();
        var teacher = teachers.placement(user, id);
        boolean self = AppraisalAccess.isTheTeacher(user, teacher);
        if (!self && !AppraisalAccess.maySeeDrafts(user, teacher)) {
            throw new NotFoundException("Teacher", id);
        }
        return observations.ofTeacher(teachers.currentYear().id(), id).stream()
                .filter(o -> !self || o.status().visibleToTeacher())
                .map(ObservationView::of)
                .toList();
    }

    // Summative

    @GetMapping("/api/v1/evaluation/teachers/{id}/summative")
    @Operation(
            summary = "A teacher's summative rating this year (the teacher: once finalized); 204 if there is none yet")
    SummativeRating summative(@PathVariable long id) {
        return summatives
                .of(CurrentUsers.require(), id)
                .orElseThrow(() -> new NotFoundException("Summative rating of teacher", id));
    }

    @PostMapping("/api/v1/evaluation/teachers/{id}/summative")
    @Operation(summary = "Compute or recompute the draft from the year's shared observations")
    SummativeRating compute(@PathVariable long id) {
        return summatives.compute(CurrentUsers.require(), id);
    }

    @PutMapping("/api/v1/evaluation/teachers/{id}/summative/inputs")
    @Operation(summary = "Record the end-of-year conference, judgements and the growth measure; recomputes the draft")
    SummativeRating inputs(@PathVariable long id, @RequestBody SummativeInputsRequest request) {
        var user = CurrentUsers.require();
        var teacher = teachers.placement(user, id);
        if (!AppraisalAccess.mayAppraise(user, teacher)) {
            throw new ForbiddenException("Only the teacher's appraiser rates the summative");
        }
        return summatives.record(
                user,
                id,
                Forms.required(request.version(), "version"),
                new SummativeInputs(
                        request.conferenceOn(),
                        request.conferenceEvidence(),
                        request.conferenceRatings(),
                        request.judgements(),
                        request.studentGrowth()));
    }

    @PostMapping("/api/v1/evaluation/teachers/{id}/summative/finalize")
    @Operation(summary = "Finalize a complete draft (publishes SummativeRatingFinalized); 409 once finalized")
    SummativeRating finalizeSummative(@PathVariable long id, @RequestBody VersionRequest request) {
        var user = CurrentUsers.require();
        var teacher = teachers.placement(user, id);
        if (!AppraisalAccess.mayAppraise(user, teacher)) {
            throw new ForbiddenException("Only the teacher's appraiser finalizes the summative");
        }
        return summatives.finalize(user, id, Forms.required(request.version(), "version"));
    }

    @PostMapping("/api/v1/evaluation/school-years/{id}/summatives")
    @Operation(summary = "Recompute every draft summative of the year (district administrators)")
    Map<String, Object> computeYear(@PathVariable long id) {
        var user = CurrentUsers.require();
        if (!AppraisalAccess.isDistrictWide(user)) {
            throw new ForbiddenException("Only district administrators compute the whole network");
        }
        teachers.year(id);
        long started = System.nanoTime();
        int count = summatives.computeYear(id);
        return Map.of("teachers", count, "milliseconds", (System.nanoTime() - started) / 1_000_000);
    }

    // Goal plan, views, calibration, export

    @GetMapping("/api/v1/evaluation/goal-plan")
    @Operation(summary = "Your own goal-setting and professional-development plan; 204 if not submitted yet")
    ResponseEntity<GoalPlans.GoalPlan> goalPlan() {
        var user = CurrentUsers.require();
        if (user.staffId() == null) {
            throw new NotFoundException("Goal plan", "yours");
        }
        return goalPlans
                .of(user, user.staffId())
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PutMapping("/api/v1/evaluation/goal-plan")
    @Operation(summary = "Submit or revise your own plan")
    GoalPlans.GoalPlan submitGoalPlan(@RequestBody GoalPlanRequest request) {
        return goalPlans.submit(CurrentUsers.require(), request.goals(), request.developmentPlan(), request.version());
    }

    @GetMapping("/api/v1/evaluation/caseload")
    @Operation(summary = "Your caseload on a campus: due, overdue and completed")
    List<Caseloads.Line> caseload(@RequestParam(required = false) Long campus) {
        var user = CurrentUsers.require();
        var campuses = caseloads.campusesInView(user);
        return caseloads.caseload(
                user, campus != null ? campus : campuses.getFirst().id());
    }

    @GetMapping("/api/v1/evaluation/campuses/{id}/distribution")
    @Operation(summary = "How the campus's shared observations rated each dimension")
    List<Caseloads.DimensionDistribution> distribution(@PathVariable long id) {
        return caseloads.distribution(CurrentUsers.require(), id);
    }

    @GetMapping("/api/v1/evaluation/district")
    @Operation(summary = "Every campus: activity, late feedback, mean rating and effectiveness levels")
    List<Caseloads.CampusLine> district() {
        return caseloads.district(CurrentUsers.require());
    }

    @GetMapping("/api/v1/evaluation/calibration")
    @Operation(summary = "Agreement between appraisers: exact, adjacent and Cohen's kappa, per appraiser and dimension")
    Calibration.Report calibration() {
        return calibration.report(CurrentUsers.require());
    }

    @GetMapping("/api/v1/evaluation/school-years/{id}/ed-fi")
    @Operation(summary = "The year's evaluations in the shape of Ed-Fi's performance-evaluation model (JSON)")
    Map<String, Object> edFi(@PathVariable long id) {
        return edFi.export(CurrentUsers.require(), id);
    }
}
