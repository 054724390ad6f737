package org.cadre.growth.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.cadre.growth.GrowthResults;
import org.cadre.shared.AccessRole;
import org.cadre.shared.CurrentUsers;
import org.cadre.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The growth pages of teachers, campus leaders, HR and district administrators, with a CSV of every table. */
@Controller
class GrowthPages {

    static final List<String> STUDENT_COLUMNS =
            List.of("student_id", "name", "subject", "grade", "sgp", "order", "scale_score", "instructional_weight");

    private final GrowthResults results;

    GrowthPages(GrowthResults results) {
        this.results = results;
    }

    @GetMapping("/growth")
    String overview(@RequestParam(required = false) Long run, Model model) {
        var user = CurrentUsers.require();
        var current = results.run(run);
        model.addAttribute("run", current.orElse(null));
        model.addAttribute("campuses", results.campusesOf(user, run));
        if (current.isPresent() && user.staffId() != null) {
            try {
                model.addAttribute(
                        "own", results.teacher(user, user.staffId(), run).measures());
            } catch (NotFoundException none) {
                model.addAttribute("own", List.of());
            }
        }
        if (current.isPresent() && user.hasAny(AccessRole.DISTRICT_ADMIN, AccessRole.HR)) {
            model.addAttribute("network", results.network(user, run).network());
        }
        return "growth/overview";
    }

    @GetMapping("/growth/measures.csv")
    void networkCsv(@RequestParam(required = false) Long run, HttpServletResponse response) {
        var user = CurrentUsers.require();
        var network = results.network(user, run);
        try (var csv = CsvExport.to(
                response, "growth-measures-run-" + network.run().id() + ".csv", CsvExport.MEASURE_COLUMNS)) {
            network.network().forEach(csv::measure);
            network.campuses().forEach(csv::measure);
            results.forEachTeacherMeasure(user, network.run().id(), null, csv::measure);
        }
    }

    @GetMapping("/growth/campuses/{id}")
    String campus(@PathVariable long id, @RequestParam(required = false) Long run, Model model) {
        model.addAttribute("campus", results.campus(CurrentUsers.require(), id, run));
        return "growth/campus";
    }

    @GetMapping("/growth/campuses/{id}/measures.csv")
    void campusCsv(@PathVariable long id, @RequestParam(required = false) Long run, HttpServletResponse response) {
        var campus = results.campus(CurrentUsers.require(), id, run);
        try (var csv = CsvExport.to(
                response, "growth-campus-" + id + "-run-" + campus.run().id() + ".csv", CsvExport.MEASURE_COLUMNS)) {
            campus.campus().forEach(csv::measure);
            campus.teachers().forEach(csv::measure);
        }
    }

    @GetMapping("/growth/teachers/{id}")
    String teacher(@PathVariable long id, @RequestParam(required = false) Long run, Model model) {
        model.addAttribute("teacher", results.teacher(CurrentUsers.require(), id, run));
        return "growth/teacher";
    }

    @GetMapping("/growth/teachers/{id}/measures.csv")
    void teacherMeasuresCsv(
            @PathVariable long id, @RequestParam(required = false) Long run, HttpServletResponse response) {
        var teacher = results.teacher(CurrentUsers.require(), id, run);
        try (var csv = CsvExport.to(
                response, "growth-teacher-" + id + "-run-" + teacher.run().id() + ".csv", CsvExport.MEASURE_COLUMNS)) {
            teacher.measures().forEach(csv::measure);
        }
    }

    @GetMapping("/growth/teachers/{id}/students.csv")
    void teacherStudentsCsv(
            @PathVariable long id, @RequestParam(required = false) Long run, HttpServletResponse response) {
        var teacher = results.teacher(CurrentUsers.require(), id, run);
        if (!teacher.studentsShown()) {
            throw new NotFoundException("Teacher's students", id);
        }
        try (var csv = CsvExport.to(
                response,
                "growth-teacher-" + id + "-students-run-" + teacher.run().id() + ".csv",
                STUDENT_COLUMNS)) {
            teacher.students().forEach(csv::student);
        }
    }

    @GetMapping("/growth/students/{id}")
    String student(@PathVariable long id, @RequestParam(required = false) Long run, Model model) {
        model.addAttribute("student", results.student(CurrentUsers.require(), id, run));
        return "growth/student";
    }

    @GetMapping("/growth/students/{id}/scores.csv")
    void studentCsv(@PathVariable long id, @RequestParam(required = false) Long run, HttpServletResponse response) {
        var student = results.student(CurrentUsers.require(), id, run);
        try (var csv = CsvExport.to(
                response,
                "growth-student-" + id + "-run-" + student.run().id() + ".csv",
                List.of("student_id", "subject", "year", "grade", "scale_score", "sgp", "order"))) {
            for (var subject : student.subjects()) {
                for (var score : subject.scores()) {
                    boolean current = score.year() == student.run().year();
                    csv.row(
                            id,
                            subject.subject(),
                            score.year(),
                            score.grade(),
                            score.scaleScore(),
                            current ? subject.sgp() : null,
                            current ? subject.order() : null);
                }
            }
        }
    }
}
