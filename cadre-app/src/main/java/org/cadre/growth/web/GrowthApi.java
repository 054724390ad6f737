package org.cadre.growth.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.cadre.growth.AssessmentImport;
import org.cadre.growth.AssessmentImports;
import org.cadre.growth.GrowthResults;
import org.cadre.growth.GrowthRun;
import org.cadre.growth.GrowthRuns;
import org.cadre.shared.CurrentUsers;
import org.cadre.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Student growth through the REST API: assessment imports and runs for district administrators, results by access. */
@RestController
@Tag(name = "Growth", description = "Assessment results, growth runs, growth measures and student growth percentiles")
class GrowthApi {

    private final AssessmentImports imports;
    private final GrowthRuns runs;
    private final GrowthResults results;

    GrowthApi(AssessmentImports imports, GrowthRuns runs, GrowthResults results) {
        this.imports = imports;
        this.runs = runs;
        this.results = results;
    }

    /** An import with its first errors (all of them in the CSV report). */
    record ImportReport(AssessmentImport run, List<AssessmentImport.Issue> issues) {}

    /** Which school year to run. */
    record RunRequest(Long schoolYearId) {}

    @PostMapping("/api/v1/admin/growth/assessment-imports")
    @Operation(
            summary = "Import assessment results: the body is the CSV (student_id,subject,year,grade,scale_score,"
                    + "test[,achievement_level]). All or nothing; the report lists every error with its line")
    ImportReport importResults(
            @RequestBody(required = false) byte[] body, @RequestParam(required = false) String fileName) {
        var user = GrowthAdminPages.districtAdmin();
        if (body == null || body.length == 0) {
            throw new InvalidInputException("file", "The body must be the CSV file of assessment results");
        }
        var done = imports.importFile(user, fileName, new ByteArrayInputStream(body));
        return new ImportReport(done, imports.issues(done.id(), GrowthAdminPages.ISSUES_ON_PAGE));
    }

    @GetMapping("/api/v1/admin/growth/assessment-imports/{id}")
    @Operation(summary = "One assessment import with its first 500 errors")
    ImportReport importReport(@PathVariable long id) {
        GrowthAdminPages.districtAdmin();
        return new ImportReport(imports.get(id), imports.issues(id, GrowthAdminPages.ISSUES_ON_PAGE));
    }

    @PostMapping("/api/v1/admin/growth/runs")
    @Operation(summary = "Start a growth run of a school year in the background; 202 with the run to poll")
    ResponseEntity<GrowthRun> start(@RequestBody RunRequest request) {
        var user = GrowthAdminPages.districtAdmin();
        if (request == null || request.schoolYearId() == null) {
            throw new InvalidInputException("schoolYearId", "must name the school year to run");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(runs.start(user, request.schoolYearId()));
    }

    @GetMapping("/api/v1/admin/growth/runs/{id}")
    @Operation(summary = "A growth run: status, progress (cohort i of n) and counts")
    GrowthRun run(@PathVariable long id) {
        GrowthAdminPages.districtAdmin();
        return runs.get(id);
    }

    @GetMapping("/api/v1/growth/network")
    @Operation(summary = "Network and campus growth measures of the current run (district administrators, HR)")
    GrowthResults.NetworkGrowth network(@RequestParam(required = false) Long run) {
        return results.network(CurrentUsers.require(), run);
    }

    @GetMapping("/api/v1/growth/campuses/{id}")
    @Operation(summary = "A campus's growth measures and those of its teachers of record")
    GrowthResults.CampusGrowth campus(@PathVariable long id, @RequestParam(required = false) Long run) {
        return results.campus(CurrentUsers.require(), id, run);
    }

    @GetMapping("/api/v1/growth/teachers/{id}")
    @Operation(summary = "A teacher's growth measures, with their students' percentiles where the caller may see them")
    GrowthResults.TeacherGrowth teacher(@PathVariable long id, @RequestParam(required = false) Long run) {
        return results.teacher(CurrentUsers.require(), id, run);
    }

    @GetMapping("/api/v1/growth/students/{id}")
    @Operation(summary = "A student's growth: scores, percentiles and the percentile curves that placed them")
    GrowthResults.StudentGrowth student(@PathVariable long id, @RequestParam(required = false) Long run) {
        return results.student(CurrentUsers.require(), id, run);
    }
}
