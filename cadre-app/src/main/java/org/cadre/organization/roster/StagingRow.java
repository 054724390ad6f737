package org.cadre.organization.roster;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/** One record of a package file being checked: typed reads of its values that report what is wrong. */
final class StagingRow {

    private final CsvFile file;
    private final CSVRecord record;
    private final ImportReport report;
    private boolean valid = true;

    StagingRow(CsvFile file, CSVRecord record, ImportReport report) {
        this.file = file;
        this.record = record;
        this.report = report;
    }

    long line() {
        return file.line();
    }

    /** Whether no value of the row was found wrong. */
    boolean valid() {
        return valid;
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

    /** The first of a comma-separated list, as OneRoster writes lists. */
    String first(String column) {
        var value = text(column);
        if (value == null) {
            return null;
        }
        var first = value.split(",", -1)[0].strip();
        return first.isEmpty() ? null : first;
    }

    /** One of the allowed tokens, or an extension token ({@code ext:…}) when {@code extensible}. */
    String oneOf(String column, Set<String> allowed, boolean required, boolean extensible) {
        var value = required ? required(column) : text(column);
        if (value == null) {
            return null;
        }
        if (allowed.contains(value) || (extensible && value.startsWith("ext:") && value.length() > 4)) {
            return value;
        }
        error(
                column,
                value,
                column + " must be one of " + String.join(", ", new java.util.TreeSet<>(allowed))
                        + (extensible ? " (or an ext: extension)" : ""));
        return null;
    }

    LocalDate date(String column, boolean required) {
        var value = required ? required(column) : text(column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            error(column, value, column + " must be a date written YYYY-MM-DD");
            return null;
        }
    }

    Boolean bool(String column, boolean required) {
        var value = required ? required(column) : text(column);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                error(column, value, column + " must be true or false");
                yield null;
            }
        };
    }

    Integer year(String column) {
        var value = required(column);
        if (value == null) {
            return null;
        }
        if (!value.matches("\\d{4}")) {
            error(column, value, column + " must be a year of four digits");
            return null;
        }
        return Integer.valueOf(value);
    }

    BigDecimal decimal(String column, BigDecimal min, BigDecimal max) {
        var value = text(column);
        if (value == null) {
            return null;
        }
        try {
            var number = new BigDecimal(value);
            if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
                error(column, value, column + " must be between " + min + " and " + max);
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            error(column, value, column + " must be a number");
            return null;
        }
    }

    /** The record's status: active unless it says tobedeleted; required in delta files. */
    String status(boolean delta) {
        var status = oneOf("status", Set.of("active", "tobedeleted"), delta, false);
        if (delta && text("dateLastModified") == null) {
            error("dateLastModified", null, "dateLastModified is required in a delta file");
        } else if (text("dateLastModified") != null && !isDateTime(text("dateLastModified"))) {
            error(
                    "dateLastModified",
                    text("dateLastModified"),
                    "dateLastModified must be an ISO 8601 date and time such as 2026-08-01T00:00:00.000Z");
        }
        return status == null ? "active" : status;
    }

    private static boolean isDateTime(String value) {
        try {
            Instant.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            // try the other forms
        }
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            // try the other forms
        }
        try {
            LocalDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            // try the other forms
        }
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    void error(String column, String value, String reason) {
        valid = false;
        report.error(file.fileName(), line(), column, value, reason);
    }

    void warning(String column, String value, String reason) {
        report.warning(file.fileName(), line(), column, value, reason);
    }
}
