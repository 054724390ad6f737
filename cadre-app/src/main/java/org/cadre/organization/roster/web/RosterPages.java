package org.cadre.organization.roster.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.cadre.organization.roster.ReportCsv;
import org.cadre.organization.roster.RosterExport;
import org.cadre.organization.roster.RosterImports;
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

/** The rostering pages of district administrators: upload a package, follow its import, read its report, export. */
@Controller
class RosterPages {

    static final int ISSUES_ON_PAGE = 500;

    private final RosterImports imports;
    private final RosterExport export;

    RosterPages(RosterImports imports, RosterExport export) {
        this.imports = imports;
        this.export = export;
    }

    static CurrentUser districtAdmin() {
        var user = CurrentUsers.require();
        if (!user.isDistrictAdmin()) {
            throw new ForbiddenException("Rostering is for district administrators");
        }
        return user;
    }

    @GetMapping("/admin/roster")
    String roster(@RequestParam(defaultValue = "0") int page, Model model) {
        districtAdmin();
        model.addAttribute("history", imports.history(new PageRequest(page, 20)));
        return "roster/roster";
    }

    @PostMapping("/admin/roster/imports")
    String upload(
            @RequestParam(name = "files", required = false) MultipartFile[] files,
            @RequestParam(defaultValue = "false") boolean preview,
            Model model) {
        var user = districtAdmin();
        try {
            long id = imports.start(user, uploads(files), preview);
            return "redirect:/admin/roster/imports/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("uploadError", e.getMessage().replaceFirst("^files: ", ""));
            model.addAttribute("history", imports.history(new PageRequest(0, 20)));
            return "roster/roster";
        }
    }

    @GetMapping("/admin/roster/imports/{id}")
    String run(@PathVariable long id, Model model) {
        districtAdmin();
        addRun(id, model);
        return "roster/import";
    }

    @GetMapping("/admin/roster/imports/{id}/progress")
    String progress(@PathVariable long id, Model model) {
        districtAdmin();
        addRun(id, model);
        return "roster/import :: progress";
    }

    @GetMapping("/admin/roster/imports/{id}/report.csv")
    void reportCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
        districtAdmin();
        writeReport(imports, id, response);
    }

    @GetMapping("/admin/roster/export")
    void export(HttpServletResponse response) throws IOException {
        districtAdmin();
        writeExport(export, response);
    }

    private void addRun(long id, Model model) {
        var run = imports.run(id);
        model.addAttribute("run", run);
        if (!run.running()) {
            model.addAttribute("issues", imports.issues(id, ISSUES_ON_PAGE));
        }
    }

    static List<RosterImports.Upload> uploads(MultipartFile[] files) {
        if (files == null) {
            return List.of();
        }
        return Arrays.stream(files)
                .filter(f -> f != null && !f.isEmpty())
                .map(f -> new RosterImports.Upload(f.getOriginalFilename(), f.getSize(), f::getInputStream))
                .toList();
    }

    static void writeReport(RosterImports imports, long id, HttpServletResponse response) throws IOException {
        var run = imports.run(id);
        var issues = imports.issues(id, Integer.MAX_VALUE);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"roster-import-" + id + "-report.csv\"");
        var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        ReportCsv.write(run, issues, writer);
        writer.flush();
    }

    static void writeExport(RosterExport export, HttpServletResponse response) throws IOException {
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"cadre-oneroster.zip\"");
        export.write(response.getOutputStream());
        response.flushBuffer();
    }
}
