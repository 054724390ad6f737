package org.cadre.organization.roster;

import org.apache.commons.csv.CSVRecord;

/** One record of the manifest being read: its values by column, reporting a missing required one. */
final class ManifestRow {

    private final CsvFile file;
    private final CSVRecord record;
    private final ImportReport report;

    ManifestRow(CsvFile file, CSVRecord record, ImportReport report) {
        this.file = file;
        this.record = record;
        this.report = report;
    }

    long line() {
        return file.line();
    }

    /** The value, or null when blank or when the file has no such column. */
    String text(String column) {
        var i = file.column(column);
        if (i == null || i >= record.size()) {
            return null;
        }
        var value = record.get(i);
        return value.isBlank() ? null : value;
    }

    String required(String column) {
        var value = text(column);
        if (value == null) {
            error(column, null, column + " is required");
        }
        return value;
    }

    void error(String column, String value, String reason) {
        report.error(file.fileName(), line(), column, value, reason);
    }
}
