package org.cadre.organization.roster;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** An import's report as CSV: one row per file with its counts, then one row per error or warning. */
public final class ReportCsv {

    public static void write(ImportRun run, List<ImportRun.Issue> issues, Writer out) throws IOException {
        var csv = new CSVPrinter(out, CSVFormat.RFC4180);
        csv.printRecord(
                "kind",
                "file",
                "mode",
                "rows",
                "created",
                "updated",
                "unchanged",
                "deactivated",
                "rejected",
                "line",
                "column",
                "value",
                "reason");
        for (var entry : run.counts().entrySet()) {
            var c = entry.getValue();
            csv.printRecord(
                    "COUNTS",
                    entry.getKey(),
                    c.get("mode"),
                    c.get("rows"),
                    c.get("created"),
                    c.get("updated"),
                    c.get("unchanged"),
                    c.get("deactivated"),
                    c.get("rejected"),
                    null,
                    null,
                    null,
                    null);
        }
        for (var issue : issues) {
            csv.printRecord(
                    issue.severity(),
                    issue.file(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    issue.line(),
                    issue.column(),
                    issue.value(),
                    issue.reason());
        }
        csv.flush();
    }

    private ReportCsv() {}
}
