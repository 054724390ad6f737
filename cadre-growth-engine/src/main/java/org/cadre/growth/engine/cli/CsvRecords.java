package org.cadre.growth.engine.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader (commas, double quotes, quotes doubled inside quotes, line breaks inside
 * quotes), so the engine jar needs no dependencies. Lines without quotes, the usual case, are just
 * split. Unquoted fields are trimmed. It tracks the line each record starts on for error messages.
 */
final class CsvRecords {

    private final BufferedReader reader;
    private int line;
    private int recordLine;

    CsvRecords(Reader reader) {
        this.reader = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader, 1 << 16);
    }

    /** The line number the last record returned by {@link #next()} started on. */
    int recordLine() {
        return recordLine;
    }

    /** The next record's fields, or null at the end of the input. Blank lines are skipped. */
    List<String> next() throws IOException {
        String text;
        do {
            text = reader.readLine();
            line++;
            if (text == null) {
                return null;
            }
        } while (text.isBlank());
        recordLine = line;
        return text.indexOf('"') < 0 ? split(text) : quoted(text);
    }

    private static List<String> split(String text) {
        List<String> fields = new ArrayList<>(8);
        int start = 0;
        while (true) {
            int comma = text.indexOf(',', start);
            if (comma < 0) {
                fields.add(text.substring(start).trim());
                return fields;
            }
            fields.add(text.substring(start, comma).trim());
            start = comma + 1;
        }
    }

    private List<String> quoted(String first) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String text = first;
        int position = 0;
        boolean inQuotes = false;
        boolean wasQuoted = false;
        while (true) {
            if (position == text.length()) {
                if (!inQuotes) {
                    fields.add(wasQuoted ? field.toString() : field.toString().trim());
                    return fields;
                }
                text = reader.readLine();
                line++;
                if (text == null) {
                    throw new IOException("line " + recordLine + ": unterminated quoted field");
                }
                field.append('\n');
                position = 0;
                continue;
            }
            char c = text.charAt(position++);
            if (inQuotes) {
                if (c != '"') {
                    field.append(c);
                } else if (position < text.length() && text.charAt(position) == '"') {
                    field.append('"');
                    position++;
                } else {
                    inQuotes = false;
                }
            } else if (c == ',') {
                fields.add(wasQuoted ? field.toString() : field.toString().trim());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                inQuotes = true;
                wasQuoted = true;
            } else if (c != '\r') {
                field.append(c);
            }
        }
    }

    /** Quotes a field when it holds a comma, quote or line break. */
    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
