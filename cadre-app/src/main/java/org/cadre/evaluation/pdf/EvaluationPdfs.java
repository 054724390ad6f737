package org.cadre.evaluation.pdf;

import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.cadre.evaluation.observation.ObservationPage;
import org.cadre.evaluation.rubric.Rubric;
import org.cadre.evaluation.summative.SummativeRating;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

/** Writes the printable versions; the caller has already decided the person may see what is printed. */
@Component
public class EvaluationPdfs {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    public byte[] observation(ObservationPage page) {
        var o = page.observation();
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.LETTER, 48, 48, 48, 48);
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(new Paragraph(o.kind().label() + " — " + page.teacherName(), TITLE));
        document.add(new Paragraph(
                "Appraiser: " + page.appraiserName() + "    Scheduled: " + WHEN.format(o.scheduledFor())
                        + "    Status: " + o.status().label(),
                BODY));
        if (o.sharedAt() != null) {
            document.add(new Paragraph(
                    "Shared " + WHEN.format(o.sharedAt()) + " (feedback due " + o.feedbackDueOn()
                            + (Boolean.TRUE.equals(o.feedbackLate()) ? ", LATE" : "") + ")",
                    BODY));
        }
        document.add(new Paragraph(
                "Rubric: " + page.rubric().name() + " v" + page.rubric().version() + "    Policy version id: "
                        + o.policyVersionId(),
                BODY));
        document.add(new Paragraph(" "));
        document.add(new Paragraph("Ratings", HEADING));
        var table = new PdfPTable(new float[] {1, 5, 2});
        table.setWidthPercentage(100);
        header(table, "Code", "Dimension", "Rating");
        for (var dimension : page.rubric().observedDimensions()) {
            var rating = o.ratings().get(dimension.code());
            cell(table, dimension.code());
            cell(table, dimension.name());
            cell(table, rating == null ? "—" : rating + " " + page.rubric().levelName(rating));
        }
        document.add(table);
        if (o.feedback() != null) {
            document.add(new Paragraph("Written feedback", HEADING));
            document.add(new Paragraph(o.feedback(), BODY));
        }
        if (!page.notes().isEmpty()) {
            document.add(new Paragraph("Evidence", HEADING));
            for (var note : page.notes()) {
                var line = new Phrase();
                line.add(new Phrase(WHEN.format(note.notedAt()) + "  ", BOLD));
                line.add(new Phrase(
                        note.body()
                                + (note.dimensions().isEmpty()
                                        ? ""
                                        : "  [" + String.join(", ", note.dimensions()) + "]"),
                        BODY));
                document.add(new Paragraph(line));
            }
        }
        if (o.teacherResponse() != null) {
            document.add(new Paragraph("Teacher's response", HEADING));
            document.add(new Paragraph(o.teacherResponse(), BODY));
        }
        if (o.acknowledgedAt() != null) {
            document.add(new Paragraph(
                    "Acknowledged by the teacher " + WHEN.format(o.acknowledgedAt())
                            + " (acknowledging is not agreeing)",
                    BODY));
        }
        for (var amendment : page.amendments()) {
            document.add(new Paragraph(
                    "Amended " + WHEN.format(amendment.amendedAt()) + ": " + amendment.reason() + " (before "
                            + amendment.beforeRatings() + ", after " + amendment.afterRatings() + ")",
                    BODY));
        }
        document.close();
        return out.toByteArray();
    }

    public byte[] summative(SummativeRating s, Rubric rubric, String teacherName, String yearName) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.LETTER, 48, 48, 48, 48);
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(new Paragraph("Summative rating " + yearName + " — " + teacherName, TITLE));
        if (s == null) {
            document.add(new Paragraph("No summative rating to show yet.", BODY));
            document.close();
            return out.toByteArray();
        }
        document.add(new Paragraph(
                "Status: " + s.status() + "    Rule: " + s.rule() + "    Rubric: " + rubric.name() + " v"
                        + rubric.version() + "    Policy version id: " + s.policyVersionId(),
                BODY));
        document.add(new Paragraph(" "));
        var summary = new PdfPTable(new float[] {5, 2, 2});
        summary.setWidthPercentage(100);
        header(summary, "Domain of performance", "Score", "Weight");
        row(
                summary,
                "Instructional Quality",
                s.instructionalQuality(),
                s.weights().get("instructionalQuality"));
        row(
                summary,
                "Student Growth and Achievement"
                        + (org.cadre.evaluation.summative.SummativeRatings.APPRAISER_ENTERED.equals(
                                        s.studentGrowthSource())
                                ? " (appraiser-entered measure)"
                                : ""),
                s.studentGrowth(),
                s.weights().get("studentGrowth"));
        row(
                summary,
                "Professional Roles and Responsibilities",
                s.professionalRoles(),
                s.weights().get("professionalRoles"));
        cell(summary, "Composite");
        cell(summary, s.composite() == null ? "—" : s.composite().toPlainString());
        cell(summary, s.effectivenessLevel() == null ? "" : s.effectivenessLevel());
        document.add(summary);
        document.add(new Paragraph("Dimensions", HEADING));
        var table = new PdfPTable(new float[] {1, 5, 2, 3, 3});
        table.setWidthPercentage(100);
        header(table, "Code", "Dimension", "Final", "From", "Observations");
        for (var domain : rubric.domains()) {
            var score = s.domainScores().get(domain.code());
            var cellDomain = new PdfPCell(
                    new Phrase(domain.name() + ": " + (score == null ? "—" : score.toPlainString()), BOLD));
            cellDomain.setColspan(5);
            table.addCell(cellDomain);
            for (var dimension : domain.dimensions()) {
                var line = s.line(dimension.code());
                cell(table, dimension.code());
                cell(table, dimension.name());
                cell(
                        table,
                        line == null || line.finalRating() == null
                                ? "—"
                                : line.finalRating().toPlainString());
                cell(
                        table,
                        line == null
                                ? ""
                                : line.source().name().replace('_', ' ').toLowerCase());
                cell(
                        table,
                        line == null
                                ? ""
                                : String.join(
                                        ", ",
                                        line.observationIds().stream()
                                                .map(id -> "#" + id)
                                                .toList()));
            }
        }
        document.add(table);
        if (s.conferenceEvidence() != null) {
            document.add(new Paragraph(
                    "End-of-year conference" + (s.conferenceOn() == null ? "" : " (" + s.conferenceOn() + ")"),
                    HEADING));
            document.add(new Paragraph(s.conferenceEvidence(), BODY));
        }
        if (!s.missing().isEmpty()) {
            document.add(new Paragraph("Still missing: " + String.join(", ", s.missing()), BOLD));
        }
        document.close();
        return out.toByteArray();
    }

    private static void header(PdfPTable table, String... titles) {
        for (var title : titles) {
            table.addCell(new PdfPCell(new Phrase(title, BOLD)));
        }
    }

    private static void cell(PdfPTable table, String text) {
        table.addCell(new PdfPCell(new Phrase(text, BODY)));
    }

    private static void row(PdfPTable table, String label, java.math.BigDecimal score, Integer weight) {
        cell(table, label);
        cell(table, score == null ? "—" : score.toPlainString());
        cell(table, weight == null ? "" : weight + " %");
    }
}
