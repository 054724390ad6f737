package org.cadre.organization.roster.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.cadre.organization.roster.ImportRun;
import org.cadre.organization.roster.RosterExport;
import org.cadre.organization.roster.RosterImports;
import org.cadre.shared.PageRequest;
import org.cadre.shared.PageResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Rostering through the REST API, for district administrators and their integrations. */
@RestController
@RequestMapping("/api/v1/admin/roster")
@Tag(name = "Rostering", description = "OneRoster 1.2 CSV import, preview, reports and export")
class RosterApi {

    private final RosterImports imports;
    private final RosterExport export;

    RosterApi(RosterImports imports, RosterExport export) {
        this.imports = imports;
        this.export = export;
    }

    /** A run with its first errors and warnings (all of them in the CSV report). */
    record RunReport(ImportRun run, List<ImportRun.Issue> issues) {}

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Start importing a OneRoster 1.2 package: one zip, or manifest.csv with its CSV files (field"
                    + " 'files'); preview=true checks and reports without writing. 202 with the run to poll")
    ResponseEntity<ImportRun> start(
            @RequestParam(name = "files", required = false) MultipartFile[] files,
            @RequestParam(defaultValue = "false") boolean preview) {
        var user = RosterPages.districtAdmin();
        long id = imports.start(user, RosterPages.uploads(files), preview);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(imports.run(id));
    }

    @GetMapping("/imports")
    @Operation(summary = "The history of roster imports, newest first (paged)")
    PageResponse<ImportRun> history(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        RosterPages.districtAdmin();
        return imports.history(new PageRequest(page, size));
    }

    @GetMapping("/imports/{id}")
    @Operation(summary = "One import: status, progress, counts per file and its first 500 errors and warnings")
    RunReport run(@PathVariable long id) {
        RosterPages.districtAdmin();
        return new RunReport(imports.run(id), imports.issues(id, RosterPages.ISSUES_ON_PAGE));
    }

    @GetMapping(path = "/imports/{id}/report.csv", produces = "text/csv")
    @Operation(summary = "The whole report of an import as CSV")
    void report(@PathVariable long id, HttpServletResponse response) throws IOException {
        RosterPages.districtAdmin();
        RosterPages.writeReport(imports, id, response);
    }

    @GetMapping(path = "/export", produces = "application/zip")
    @Operation(summary = "The current roster as a OneRoster 1.2 CSV package (zip of bulk files)")
    void export(HttpServletResponse response) throws IOException {
        RosterPages.districtAdmin();
        RosterPages.writeExport(export, response);
    }
}
