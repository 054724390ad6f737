package org.cadre.organization.roster;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The manifest of a package, read record by record with commons-csv: RFC 4180 with LF or CRLF line ends, quoted
 * fields that hold commas, quotes and line breaks, UTF-8 with or without a byte-order mark. Any other encoding is
 * refused with a message saying so, at the line where it shows. The roster's files, which can hold millions of
 * records, are streamed into PostgreSQL by {@link CsvCopy} instead; {@link Unreadable} serves both.
 */
final class CsvFile implements Closeable {

    /** The file cannot be read on: not UTF-8, or broken CSV quoting. */
    static final class Unreadable extends Exception {
        final long line;

        Unreadable(long line, String message) {
            super(message);
            this.line = line;
        }
    }

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(false).get();

    private final String fileName;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private List<String> header = List.of();
    private final Map<String, Integer> index = new HashMap<>();
    private long line;

    private CsvFile(String fileName, CSVParser parser) {
        this.fileName = fileName;
        this.parser = parser;
        this.records = parser.iterator();
    }

    /** Opens the file and reads its header; null header when the file is empty. */
    static CsvFile open(String fileName, InputStream raw) throws IOException, Unreadable {
        var in = new BufferedInputStream(raw, 1 << 16);
        in.mark(4);
        int b0 = in.read();
        int b1 = in.read();
        int b2 = in.read();
        if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
            in.close();
            throw new Unreadable(
                    1,
                    "The file is encoded as UTF-16; OneRoster files must be UTF-8 (with or without a byte-order mark). Save it again as UTF-8");
        }
        if (!(b0 == 0xEF && b1 == 0xBB && b2 == 0xBF)) {
            in.reset();
        }
        // Bytes that are not UTF-8 decode to U+FFFD; next() finds them, so the report can name line and column.
        var parser = CSVParser.builder()
                .setReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                .setFormat(FORMAT)
                .get();
        var file = new CsvFile(fileName, parser);
        var first = file.next();
        if (first == null) {
            return file;
        }
        var header = first.toList();
        if (header.stream().anyMatch(h -> h.indexOf('\0') >= 0)) {
            parser.close();
            throw new Unreadable(
                    1,
                    "The file holds NUL characters, as UTF-16 files do; OneRoster files must be UTF-8. Save it again as UTF-8");
        }
        file.header = header;
        for (int i = 0; i < header.size(); i++) {
            file.index.putIfAbsent(header.get(i), i);
        }
        return file;
    }

    String fileName() {
        return fileName;
    }

    List<String> header() {
        return header;
    }

    boolean has(String column) {
        return index.containsKey(column);
    }

    Integer column(String name) {
        return index.get(name);
    }

    /** The line the last record returned started on (1 is the header). */
    long line() {
        return line;
    }

    /** The next record, or null at the end of the file. */
    CSVRecord next() throws Unreadable {
        long before = parser.getCurrentLineNumber();
        try {
            if (!records.hasNext()) {
                return null;
            }
            var record = records.next();
            line = before + 1;
            for (int i = 0; i < record.size(); i++) {
                if (record.get(i).indexOf('\uFFFD') >= 0) {
                    var column = i < header.size() ? header.get(i) : "column " + (i + 1);
                    throw new Unreadable(
                            line,
                            "The file is not valid UTF-8 (in column " + column
                                    + "; for example Windows-1252 or Latin-1); OneRoster files must be UTF-8. Save it again as UTF-8");
                }
            }
            return record;
        } catch (UncheckedIOException e) {
            throw unreadable(before + 1, e.getCause());
        } catch (IllegalStateException e) {
            throw unreadable(before + 1, e.getCause() != null ? e.getCause() : e);
        }
    }

    private Unreadable unreadable(long at, Throwable cause) {
        for (var c = cause; c != null; c = c.getCause()) {
            if (c instanceof RosterPackage.TooLarge tooLarge) {
                return new Unreadable(at, tooLarge.getMessage());
            }
        }
        if (cause instanceof CharacterCodingException) {
            return new Unreadable(
                    at,
                    "The file is not valid UTF-8 (for example Windows-1252 or Latin-1); OneRoster files must be UTF-8. Save it again as UTF-8");
        }
        if (cause instanceof RosterPackage.TooLarge tooLarge) {
            return new Unreadable(at, tooLarge.getMessage());
        }
        return new Unreadable(at, "The file cannot be read as CSV from here on: " + cause.getMessage());
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
