package org.cadre.growth.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cadre.growth.GrowthResults;
import org.cadre.growth.Measure;

/** CSV files of the growth tables: RFC 4180, UTF-8, one header line. */
final class CsvExport implements AutoCloseable {

    static final List<String> MEASURE_COLUMNS = List.of(
            "scope",
            "staff_id",
            "campus_id",
            "name",
            "subject",
            "students",
            "instructional_weight",
            "mgp",
            "weighted_mgp",
            "mean_sgp",
            "standard_error",
            "reported",
            "growth_level");

    private final Writer out;

    private CsvExport(Writer out) {
        this.out = out;
    }

    static CsvExport to(HttpServletResponse response, String fileName, List<String> header) {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        try {
            var export = new CsvExport(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
            export.row(header.toArray());
            return export;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void row(Object... values) {
        try {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(field(values[i]));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void measure(Measure m) {
        row(
                m.scope(),
                m.staffId(),
                m.campusId(),
                m.name(),
                m.subject(),
                m.students(),
                m.weight(),
                m.mgp(),
                m.weightedMgp(),
                m.meanSgp(),
                m.standardError(),
                m.reported(),
                m.growthLevel());
    }

    void student(GrowthResults.StudentRow s) {
        row(
                s.studentId(),
                s.name(),
                s.subject(),
                s.grade(),
                s.sgp(),
                s.order(),
                s.scaleScore(),
                s.instructionalWeight());
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        var text = value.toString();
        // A leading =, +, - or @ would be a formula to a spreadsheet; names are the only free text here.
        if (!text.isEmpty() && "=+@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    @Override
    public void close() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
