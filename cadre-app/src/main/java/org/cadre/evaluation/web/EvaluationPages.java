package org.cadre.evaluation.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.cadre.evaluation.appraisal.AppraisalAccess;
import org.cadre.evaluation.appraisal.Appraisers;
import org.cadre.evaluation.appraisal.Teachers;
import org.cadre.evaluation.calibration.Calibration;
import org.cadre.evaluation.caseload.Caseloads;
import org.cadre.evaluation.cycle.GoalPlans;
import org.cadre.evaluation.observation.ObservationKind;
import org.cadre.evaluation.observation.Observations;
import org.cadre.evaluation.observation.Observing;
import org.cadre.evaluation.pdf.EvaluationPdfs;
import org.cadre.evaluation.rubric.Rubrics;
import org.cadre.evaluation.summative.SummativeInputs;
import org.cadre.evaluation.summative.SummativeRatings;
import org.cadre.shared.ConflictException;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.CurrentUsers;
import org.cadre.shared.ForbiddenException;
import org.cadre.shared.HtmlRows;
import org.cadre.shared.InvalidInputException;
import org.cadre.shared.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The evaluation pages. Every handler checks who is asking before it reads the form, so a refused person is told
 * so whatever they sent; a refused domain rule comes back on the same page as a message.
 */
@Controller
class EvaluationPages {

    private final Observing observing;
    private final Observations observations;
    private final Teachers teachers;
    private final Appraisers appraisers;
    private final Caseloads caseloads;
    private final SummativeRatings summatives;
    private final GoalPlans goalPlans;
    private final Rubrics rubrics;
    private final Calibration calibration;
    private final EvaluationPdfs pdfs;
    private final Clock clock;

    EvaluationPages(
            Observing observing,
            Observations observations,
            Teachers teachers,
            Appraisers appraisers,
            Caseloads caseloads,
            SummativeRatings summatives,
            GoalPlans goalPlans,
            Rubrics rubrics,
            Calibration calibration,
            EvaluationPdfs pdfs,
            Clock clock) {
        this.observing = observing;
        this.observations = observations;
        this.teachers = teachers;
        this.appraisers = appraisers;
        this.caseloads = caseloads;
        this.summatives = summatives;
        this.goalPlans = goalPlans;
        this.rubrics = rubrics;
        this.calibration = calibration;
        this.pdfs = pdfs;
        this.clock = clock;
    }

    // The teacher's own evaluation.

    @GetMapping("/evaluation")
    String mine(Model model) {
        var user = CurrentUsers.require();
        model.addAttribute("year", teachers.currentYear());
        model.addAttribute(
                "leads",
                AppraisalAccess.campusesInView(user) == null
                        || !AppraisalAccess.campusesInView(user).isEmpty());
        model.addAttribute("district", AppraisalAccess.isDistrictWide(user));
        if (user.staffId() != null) {
            try {
                teachers.placement(user, user.staffId());
                model.addAttribute("teacherId", user.staffId());
                model.addAttribute(
                        "observations",
                        observations.ofTeacher(teachers.currentYear().id(), user.staffId()).stream()
                                .filter(o -> o.status().visibleToTeacher())
                                .toList());
                model.addAttribute("plan", goalPlans.of(user, user.staffId()).orElse(null));
                model.addAttribute("planDue", goalPlans.dueOn());
                model.addAttribute(
                        "summative", summatives.of(user, user.staffId()).orElse(null));
            } catch (NotFoundException notATeacher) {
                model.addAttribute("teacherId", null);
            }
        }
        return "evaluation/mine";
    }

    @PostMapping("/evaluation/goal-plan")
    String submitPlan(
            @RequestParam(required = false) String goals,
            @RequestParam(required = false) String developmentPlan,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        var user = CurrentUsers.require();
        try {
            goalPlans.submit(user, goals, developmentPlan, version);
            redirect.addFlashAttribute("saved", "Your plan was saved.");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/evaluation";
    }

    // Caseload, campus distribution, district view.

    @GetMapping("/evaluation/caseload")
    String caseload(@RequestParam(required = false) Long campus, HttpServletRequest request, Model model) {
        var user = CurrentUsers.require();
        var campuses = caseloads.campusesInView(user);
        if (campuses.isEmpty()) {
            throw new ForbiddenException("Evaluation caseloads are for appraisers and administrators");
        }
        long chosen = campus != null ? campus : campuses.getFirst().id();
        var lines = caseloads.caseload(user, chosen);
        model.addAttribute("campuses", campuses);
        model.addAttribute("campusId", chosen);
        model.addAttribute("rows", caseloadRows(lines, request.getContextPath() + "/evaluation/teachers/"));
        model.addAttribute(
                "overdue",
                lines.stream()
                        .filter(l -> l.standing() == Caseloads.Standing.OVERDUE)
                        .count());
        model.addAttribute(
                "due",
                lines.stream()
                        .filter(l -> l.standing() == Caseloads.Standing.DUE)
                        .count());
        model.addAttribute(
                "completed",
                lines.stream()
                        .filter(l -> l.standing() == Caseloads.Standing.COMPLETED)
                        .count());
        model.addAttribute("district", AppraisalAccess.isDistrictWide(user));
        model.addAttribute("mayAssign", AppraisalAccess.mayAssignOn(user, chosen));
        return "evaluation/caseload";
    }

    /** The caseload's rows, one per teacher, linked to the teacher's evaluation page. */
    static String caseloadRows(List<Caseloads.Line> lines, String teacherPage) {
        var rows = new HtmlRows(lines.size());
        for (var l : lines) {
            rows.row()
                    .cellStart()
                    .link(teacherPage + l.teacherId(), l.name())
                    .cellEnd()
                    .cellStart()
                    .span(l.standingClass(), l.standing().label())
                    .cellEnd()
                    .cell(l.formal())
                    .cell(l.shared())
                    .cell(l.awaiting())
                    .cell(l.lateFeedback())
                    .cell(l.lastObservedLine())
                    .cell(l.plan())
                    .cell(l.summativeLine())
                    .endRow();
        }
        return rows.toString();
    }

    @GetMapping("/evaluation/campuses/{id}")
    String distribution(@PathVariable long id, Model model) {
        var user = CurrentUsers.require();
        var campus = caseloads.campusesInView(user).stream()
                .filter(c -> c.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Campus", id));
        model.addAttribute("campus", campus);
        model.addAttribute("rubric", caseloads.rubricThisYear());
        model.addAttribute("rows", caseloads.distribution(user, id));
        return "evaluation/distribution";
    }

    @GetMapping("/evaluation/district")
    String district(Model model) {
        var user = CurrentUsers.require();
        model.addAttribute("lines", caseloads.district(user));
        model.addAttribute("year", teachers.currentYear());
        return "evaluation/district";
    }

    // A teacher's year, as their appraiser sees it.

    @GetMapping("/evaluation/teachers/{id}")
    String teacher(@PathVariable long id, Model model) {
        var user = CurrentUsers.require();
        var teacher = teachers.placement(user, id);
        if (!AppraisalAccess.maySeeDrafts(user, teacher)) {
            if (AppraisalAccess.isTheTeacher(user, teacher)) {
                return "redirect:/evaluation";
            }
            throw new NotFoundException("Teacher", id);
        }
        var year = teachers.currentYear();
        model.addAttribute("teacher", teacher);
        model.addAttribute("observations", observations.ofTeacher(year.id(), id));
        model.addAttribute("mayAppraise", AppraisalAccess.mayAppraise(user, teacher));
        model.addAttribute("kinds", ObservationKind.values());
        model.addAttribute("plan", goalPlans.of(user, id).orElse(null));
        model.addAttribute("summative", summatives.of(user, id).orElse(null));
        model.addAttribute("today", LocalDate.now(clock));
        // The lesson time starts at now: an appraiser often schedules the walkthrough they are about to make.
        model.addAttribute("now", LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES));
        return "evaluation/teacher";
    }

    // Observations.

    @PostMapping("/evaluation/observations")
    String schedule(
            @RequestParam(required = false) Long teacherId,
            @RequestParam(required = false) ObservationKind kind,
            @RequestParam(defaultValue = "true") boolean announced,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    LocalDateTime scheduledFor,
            @RequestParam(required = false) Integer plannedMinutes,
            @RequestParam(required = false) String calibrationLesson,
            RedirectAttributes redirect) {
        var user = CurrentUsers.require();
        if (caseloads.campusesInView(user).isEmpty() || user.isDistrictAdmin() && teacherId == null) {
            throw new ForbiddenException("Only appraisers schedule observations");
        }
        var teacher = Forms.required(teacherId == null ? null : teacherId.intValue(), "teacherId");
        try {
            var scheduled = observing.schedule(
                    user,
                    new Observing.Scheduling(
                            teacher,
                            kind,
                            announced,
                            scheduledFor,
                            Forms.required(plannedMinutes, "plannedMinutes"),
                            calibrationLesson));
            return "redirect:/evaluation/observations/" + scheduled.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/evaluation/teachers/" + teacher;
        }
    }

    @GetMapping("/evaluation/observations/{id}")
    String observation(@PathVariable long id, Model model) {
        show(CurrentUsers.require(), id, model, null);
        return "evaluation/observation";
    }

    @PostMapping("/evaluation/observations/{id}/pre-conference")
    String preConference(
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String notes,
            Model model,
            RedirectAttributes redirect) {
        var user = CurrentUsers.require();
        observing.requireAppraiserOf(user, id);
        return step(
                user,
                id,
                model,
                redirect,
                () -> observing.holdPreConference(user, id, Forms.required(version, "version"), notes),
                "Pre-conference recorded.");
    }

    @PostMapping("/evaluation/observations/{id}/notes")
    String addNote(
            @PathVariable long id,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) List<String> dimensions,
            @RequestParam(required = false) String clientKey,
            @RequestParam(required = false) Instant takenAt,
            Model model) {
        var user = CurrentUsers.require();
        observing.requireAppraiserOf(user, id);
        observing.addNote(user, id, body, dimensions, clientKey, takenAt);
        model.addAttribute("notes", observations.notes(id));
        return "evaluation/observation :: notes";
    }

    @PostMapping("/evaluation/observations/{id}/draft")
    @ResponseBody
    String saveDraft(@PathVariable long id, @RequestParam(required = false) String body) {
        var user = CurrentUsers.require();
        var at = observing.saveDraft(user, id, body);
        return "Saved "
                + java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                        .withZone(java.time.ZoneId.systemDefault())
                        .format(at);
    }

    @PostMapping("/evaluation/observations/{id}/ratings")
    String rate(
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) Integer observedMinutes,
            @RequestParam(required = false) String feedback,
            @RequestParam Map<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        var user = CurrentUsers.require();
        observing.requireAppraiserOf(user, id);
        var ratings = Forms.ratings(params, "rating.");
        try {
            observing.rate(user, id, Forms.required(version, "version"), ratings, observedMinutes, feedback);
        } catch (ConflictException | InvalidInputException e) {
            // Nothing is lost: the page comes back with what was typed, and says why it was not saved.
            show(user, id, model, e.getMessage());
            model.addAttribute("typedRatings", ratings);
            model.addAttribute("typedFeedback", feedback);
            model.addAttribute("typedMinutes", observedMinutes);
            return "evaluation/observation";
        }
        redirect.addFlashAttribute("saved", "Ratings saved.");
        return "redirect:/evaluation/observations/" + id;
    }

    @PostMapping("/evaluation/observations/{id}/post-conference")
    String postConference(
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String notes,
            Model model,
            RedirectAttributes redirect) {
        var user = CurrentUsers.require();
        observing.requireAppraiserOf(user, id);
        return step(
                user,
                id,
                model,
                redirect,
                () -> observing.holdPostConference(user, id, Forms.required(version, "version"), notes),
                "Post-conference recorded.");
    }

    @PostMapping("/evaluation/observations/{id}/share")
    String share(
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            Model model,
            RedirectAttributes redirect) {
        var user = CurrentUsers.require();
        observing.requireAppraiserOf(user, id);
        return step(
                user,
                id,
                model,
                redirect,
                () -> observing.share(user, id, Forms.required(version, "version")),
                "Shared with the teacher.");
    }

    @PostMapping("/evaluation/observations/{id}/acknowledgement")
    String acknowledge(
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String response,
            Model model,
            RedirectAttributes redirect) {
        var user = CurrentUsers.require();
        observing.requireTeacherOf(user, id);
        return step(
                user,
                id,
                model,
                redirect,
                () -> observing.acknowledge(user, id, Forms.required(version, "version"), response),
                "Thank you: your acknowledgement was recorded.");
    }

    @PostMapping("/evaluation/observations/{id}/amendment")
    String amend(
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String reason,
            @RequestParam Map<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        var user = CurrentUsers.require();
        observing.requireAppraiserOf(user, id);
        return step(
                user,
                id,
                model,
                redirect,
                () -> observing.amend(
                        user, id, Forms.required(version, "version"), Forms.ratings(params, "rating."), reason),
                "Amendment saved; the teacher is asked to acknowledge again.");
    }

    @GetMapping("/evaluation/observations/{id}/pdf")
    ResponseEntity<byte[]> observationPdf(@PathVariable long id) {
        var page = observing.page(CurrentUsers.require(), id);
        return pdf(pdfs.observation(page), "observation-" + id + ".pdf");
    }

    // Summative.

    @GetMapping("/evaluation/teachers/{id}/summative")
    String summative(@PathVariable long id, Model model) {
        var user = CurrentUsers.require();
        var teacher = teachers.placement(user, id);
        var summative = summatives.of(user, id).orElse(null);
        model.addAttribute("teacher", teacher);
        model.addAttribute("summative", summative);
        model.addAttribute(
                "rubric",
                summative == null ? rubrics.inForce(teachers.currentYear().id()) : rubrics.byId(summative.rubricId()));
        model.addAttribute("mayAppraise", AppraisalAccess.mayAppraise(user, teacher));
        model.addAttribute("year", teachers.currentYear());
        return "evaluation/summative";
    }

    @PostMapping("/evaluation/teachers/{id}/summative")
    String computeSummative(@PathVariable long id, RedirectAttributes redirect) {
        var user = CurrentUsers.require();
        try {
            summatives.compute(user, id);
            redirect.addFlashAttribute("saved", "Summative recomputed from the year's shared observations.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/evaluation/teachers/" + id + "/summative";
    }

    @PostMapping("/evaluation/teachers/{id}/summative/inputs")
    String summativeInputs(
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate conferenceOn,
            @RequestParam(required = false) String conferenceEvidence,
            @RequestParam(required = false) java.math.BigDecimal studentGrowth,
            @RequestParam Map<String, String> params,
            RedirectAttributes redirect) {
        var user = CurrentUsers.require();
        var teacher = teachers.placement(user, id);
        if (!AppraisalAccess.mayAppraise(user, teacher)) {
            throw new ForbiddenException("Only the teacher's appraiser rates the summative");
        }
        try {
            summatives.record(
                    user,
                    id,
                    Forms.required(version, "version"),
                    new SummativeInputs(
                            conferenceOn,
                            conferenceEvidence,
                            Forms.ratings(params, "conference."),
                            Forms.ratings(params, "judgement."),
                            studentGrowth));
            redirect.addFlashAttribute("saved", "Saved and recomputed.");
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/evaluation/teachers/" + id + "/summative";
    }

    @PostMapping("/evaluation/teachers/{id}/summative/finalize")
    String finalizeSummative(
            @PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        var user = CurrentUsers.require();
        var teacher = teachers.placement(user, id);
        if (!AppraisalAccess.mayAppraise(user, teacher)) {
            throw new ForbiddenException("Only the teacher's appraiser finalizes the summative");
        }
        try {
            summatives.finalize(user, id, Forms.required(version, "version"));
            redirect.addFlashAttribute("saved", "Finalized. It can no longer change.");
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/evaluation/teachers/" + id + "/summative";
    }

    @GetMapping("/evaluation/teachers/{id}/summative/pdf")
    ResponseEntity<byte[]> summativePdf(@PathVariable long id) {
        var user = CurrentUsers.require();
        var teacher = teachers.placement(user, id);
        var summative =
                summatives.of(user, id).orElseThrow(() -> new NotFoundException("Summative rating of teacher", id));
        var bytes = pdfs.summative(
                summative,
                rubrics.byId(summative.rubricId()),
                teacher.name(),
                teachers.currentYear().name());
        return pdf(bytes, "summative-" + id + ".pdf");
    }

    // Rubrics.

    @GetMapping("/evaluation/rubrics")
    String rubricList(Model model) {
        var user = CurrentUsers.require();
        if (!AppraisalAccess.isDistrictWide(user)) {
            throw new ForbiddenException("Rubrics are loaded by district administrators");
        }
        rubrics.inForce(teachers.currentYear().id());
        model.addAttribute("rubrics", rubrics.all());
        model.addAttribute("inForce", rubrics.yearsInForce());
        model.addAttribute("years", teachers.currentYear() == null ? List.of() : schoolYears());
        return "evaluation/rubrics";
    }

    @PostMapping("/evaluation/rubrics")
    String loadRubric(
            @RequestParam(required = false) Long schoolYearId,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) MultipartFile file,
            Model model,
            RedirectAttributes redirect)
            throws java.io.IOException {
        var user = CurrentUsers.require();
        if (!AppraisalAccess.isDistrictWide(user)) {
            throw new ForbiddenException("Rubrics are loaded by district administrators");
        }
        var source = file != null && !file.isEmpty()
                ? new String(file.getBytes(), java.nio.charset.StandardCharsets.UTF_8)
                : text;
        try {
            var loaded = rubrics.load(
                    user,
                    Forms.required(schoolYearId == null ? null : schoolYearId.intValue(), "schoolYearId"),
                    source);
            redirect.addFlashAttribute("saved", "Loaded " + loaded.name() + " v" + loaded.version() + ".");
            return "redirect:/evaluation/rubrics/" + loaded.id();
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("rubrics", rubrics.all());
            model.addAttribute("inForce", rubrics.yearsInForce());
            model.addAttribute("years", schoolYears());
            model.addAttribute("problem", e.getMessage());
            model.addAttribute(
                    "problems",
                    e instanceof org.cadre.evaluation.rubric.InvalidRubricException r
                            ? r.problems()
                            : List.of(e.getMessage()));
            model.addAttribute("text", source);
            return "evaluation/rubrics";
        }
    }

    @GetMapping("/evaluation/rubrics/{id}")
    String rubric(@PathVariable long id, Model model) {
        CurrentUsers.require();
        model.addAttribute("rubric", rubrics.byId(id));
        return "evaluation/rubric";
    }

    // Assignments and calibration.

    @GetMapping("/evaluation/assignments")
    String assignments(@RequestParam(required = false) Long campus, Model model) {
        var user = CurrentUsers.require();
        var campuses = caseloads.campusesInView(user).stream()
                .filter(c -> AppraisalAccess.mayAssignOn(user, c.id()))
                .toList();
        if (campuses.isEmpty()) {
            throw new ForbiddenException("Appraisers are assigned by campus administrators");
        }
        long chosen = campus != null && campuses.stream().anyMatch(c -> c.id() == campus)
                ? campus
                : campuses.getFirst().id();
        var year = teachers.currentYear();
        model.addAttribute("campuses", campuses);
        model.addAttribute("campusId", chosen);
        var teachersOfCampus = teachers.ofCampus(user, chosen);
        var appraisersOfCampus = appraisersOf(user, chosen);
        // The assignments list people by name; someone who has since left the campus is listed by staff id.
        var names = new java.util.HashMap<Long, String>();
        java.util.stream.Stream.concat(teachersOfCampus.stream(), appraisersOfCampus.stream())
                .forEach(person -> names.put(person.id(), person.familyName() + ", " + person.givenName()));
        model.addAttribute("teachers", teachersOfCampus);
        model.addAttribute("appraisers", appraisersOfCampus);
        model.addAttribute("names", names);
        model.addAttribute("assignments", appraisers.listOfCampus(year.id(), chosen));
        return "evaluation/assignments";
    }

    @PostMapping("/evaluation/assignments")
    String assign(
            @RequestParam(required = false) Long campus,
            @RequestParam(required = false) Long teacherId,
            @RequestParam(required = false) Long appraiserId,
            @RequestParam(defaultValue = "false") boolean remove,
            RedirectAttributes redirect) {
        var user = CurrentUsers.require();
        boolean mayAssignSomewhere = user.campusesWhere(org.cadre.shared.AccessRole.CAMPUS_ADMIN) == null
                || !user.campusesWhere(org.cadre.shared.AccessRole.CAMPUS_ADMIN).isEmpty();
        if (!mayAssignSomewhere || (campus != null && !AppraisalAccess.mayAssignOn(user, campus))) {
            throw new ForbiddenException("Appraisers are assigned by campus administrators");
        }
        if (campus == null || teacherId == null || appraiserId == null) {
            throw new InvalidInputException("teacherId", "choose a campus, a teacher and an appraiser");
        }
        var year = teachers.currentYear();
        var onCampus = teachers.ofCampus(user, campus).stream().anyMatch(t -> t.id() == teacherId);
        var appraiserOnCampus = appraisersOf(user, campus).stream().anyMatch(a -> a.id() == appraiserId);
        if (!onCampus || !appraiserOnCampus) {
            redirect.addFlashAttribute(
                    "problem", "Both the teacher and the appraiser must be on this campus this year");
        } else if (remove) {
            appraisers.unassign(year.id(), campus, teacherId, appraiserId);
        } else {
            appraisers.assign(year.id(), campus, teacherId, appraiserId);
        }
        return "redirect:/evaluation/assignments?campus=" + campus;
    }

    @GetMapping("/evaluation/calibration")
    String calibration(Model model) {
        model.addAttribute("report", calibration.report(CurrentUsers.require()));
        return "evaluation/calibration";
    }

    private List<org.cadre.organization.StaffSummary> appraisersOf(CurrentUser user, long campus) {
        return teachers.staffWithRole(user, campus, org.cadre.shared.AccessRole.APPRAISER);
    }

    private List<org.cadre.organization.SchoolYear> schoolYears() {
        return teachers.years();
    }

    private void show(CurrentUser user, long id, Model model, String problem) {
        var page = observing.page(user, id);
        model.addAttribute("page", page);
        model.addAttribute("o", page.observation());
        model.addAttribute("rubric", page.rubric());
        model.addAttribute("notes", page.notes());
        if (problem != null) {
            model.addAttribute("problem", problem);
        }
    }

    private String step(
            CurrentUser user, long id, Model model, RedirectAttributes redirect, Runnable action, String done) {
        observing.visible(user, id);
        try {
            action.run();
        } catch (ConflictException | InvalidInputException e) {
            show(user, id, model, e.getMessage());
            return "evaluation/observation";
        }
        redirect.addFlashAttribute("saved", done);
        return "redirect:/evaluation/observations/" + id;
    }

    private static ResponseEntity<byte[]> pdf(byte[] bytes, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(name).build().toString())
                .body(bytes);
    }
}
