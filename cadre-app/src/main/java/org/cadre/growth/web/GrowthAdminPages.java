package org.cadre.growth.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.cadre.growth.AssessmentImports;
import org.cadre.growth.GrowthResults;
import org.cadre.growth.GrowthRuns;
import org.cadre.organization.SchoolYears;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.CurrentUsers;
import org.cadre.shared.ForbiddenException;
import org.cadre.shared.InvalidInputException;
import org.cadre.shared.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** District administrators' growth pages: import assessment results, start and follow growth runs, export them. */
@Controller
class GrowthAdminPages {

    static final int ISSUES_ON_PAGE = 500;

    private final AssessmentImports imports;
    private final GrowthRuns runs;
    private final GrowthResults results;
    private final SchoolYears schoolYears;

    GrowthAdminPages(AssessmentImports imports, GrowthRuns runs, GrowthResults results, SchoolYears schoolYears) {
        this.imports = imports;
        this.runs = runs;
        this.results = results;
        this.schoolYears = schoolYears;
    }

    static CurrentUser districtAdmin() {
        var user = CurrentUsers.require();
        if (!user.isDistrictAdmin()) {
            throw new ForbiddenException("Assessment imports and growth runs are for district administrators");
        }
        return user;
    }

    @GetMapping("/admin/growth")
    String admin(Model model) {
        districtAdmin();
        addLists(model);
        return "growth/admin";
    }

    private void addLists(Model model) {
        model.addAttribute("imports", imports.history(new PageRequest(0, 20)));
        model.addAttribute("runs", runs.history(20));
        model.addAttribute("schoolYears", schoolYears.all());
    }

    @PostMapping("/admin/growth/imports")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        var user = districtAdmin();
        if (file == null || file.isEmpty()) {
            model.addAttribute("importError", "Choose a CSV file of assessment results");
            addLists(model);
            return "growth/admin";
        }
        try (var in = file.getInputStream()) {
            var done = imports.importFile(user, file.getOriginalFilename(), in);
            return "redirect:/admin/growth/imports/" + done.id();
        } catch (InvalidInputException e) {
            model.addAttribute("importError", e.getMessage().replaceFirst("^file: ", ""));
            addLists(model);
            return "growth/admin";
        }
    }

    @GetMapping("/admin/growth/imports/{id}")
    String importReport(@PathVariable long id, Model model) {
        districtAdmin();
        model.addAttribute("run", imports.get(id));
        model.addAttribute("issues", imports.issues(id, ISSUES_ON_PAGE));
        return "growth/import";
    }

    @GetMapping("/admin/growth/imports/{id}/report.csv")
    void importReportCsv(@PathVariable long id, HttpServletResponse response) {
        districtAdmin();
        var run = imports.get(id);
        try (var csv = CsvExport.to(
                response,
                "assessment-import-" + id + "-report.csv",
                List.of("import", "status", "line", "column", "value", "reason"))) {
            for (var issue : imports.issues(id, Integer.MAX_VALUE)) {
                csv.row(id, run.status(), issue.line(), issue.column(), issue.value(), issue.reason());
            }
        }
    }

    @PostMapping("/admin/growth/runs")
    String startRun(@RequestParam long schoolYearId) {
        var run = runs.start(districtAdmin(), schoolYearId);
        return "redirect:/admin/growth/runs/" + run.id();
    }

    @GetMapping("/admin/growth/runs/{id}")
    String run(@PathVariable long id, Model model) {
        districtAdmin();
        model.addAttribute("run", runs.get(id));
        return "growth/run";
    }

    @GetMapping("/admin/growth/runs/{id}/progress")
    String progress(@PathVariable long id, Model model) {
        districtAdmin();
        model.addAttribute("run", runs.get(id));
        return "growth/run :: progress";
    }

    @GetMapping("/admin/growth/runs/{id}/percentiles.csv")
    void percentilesCsv(@PathVariable long id, HttpServletResponse response) {
        var user = districtAdmin();
        runs.get(id);
        var header = new ArrayList<>(List.of(
                "student_id", "subject", "grade", "sgp", "sgp_order", "scale_score", "prior_scores", "cohort_seq"));
        try (var csv = CsvExport.to(response, "growth-run-" + id + "-percentiles.csv", header)) {
            results.forEachPercentile(user, id, row -> csv.row(row.values().toArray()));
        }
    }

    @GetMapping("/admin/growth/runs/{id}/cohorts.csv")
    void cohortsCsv(@PathVariable long id, HttpServletResponse response) {
        var user = districtAdmin();
        runs.get(id);
        try (var csv = CsvExport.to(
                response,
                "growth-run-" + id + "-cohorts.csv",
                List.of(
                        "cohort",
                        "subject",
                        "grade",
                        "prior_grades",
                        "students",
                        "skipped_because",
                        "coefficients_by_quantile_then_column"))) {
            results.forEachCohort(user, id, row -> csv.row(row.values().toArray()));
        }
    }
}
