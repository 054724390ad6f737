package org.cadre.organization.roster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;
import org.postgresql.copy.CopyIn;

/**
 * Streams one CSV file of a package into a staging table with PostgreSQL's COPY, without decoding its values:
 * bytes are split into records and fields (RFC 4180: LF, CRLF or CR line ends, quoted fields holding commas,
 * quotes and line breaks), each record is sent as a COPY text row that starts with the line it began on, and
 * values are checked in SQL afterwards. Only what SQL cannot be handed is checked here: the byte-order mark and
 * UTF-16, invalid UTF-8 and NUL characters, and the number of fields. A blank value goes as NULL. Memory stays a
 * few buffers whatever the size of the file.
 */
final class CsvCopy implements AutoCloseable {

    /** Called for a record that cannot be staged; the record is skipped and the file read on. */
    @FunctionalInterface
    interface Rejected {
        void reject(long line, String column, String value, String reason);
    }

    private static final int FLUSH_AT = 1 << 20;

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean afterCr;

    /** The line the reader is on (1-based), counting every LF, CRLF and lone CR. */
    private long line = 1;

    /** The bytes of the current record's fields, unquoted, one after another. */
    private byte[] record = new byte[1 << 12];

    private int recordLength;
    private int[] fieldEnds = new int[64];
    private int fields;
    private boolean highBytes;
    /** Whether the record holds a NUL byte. */
    private boolean nul;
    /** Whether the record holds a byte that COPY's text format escapes: backslash, tab, line feed, carriage return. */
    private boolean escaped;

    private List<String> header = List.of();
    private long records;

    /**
     * The longest record read: OneRoster values are short, so a longer one is a quote that is never closed, which
     * must not make the import hold the rest of the file in memory.
     */
    static final int MAX_RECORD_BYTES = 16 << 20;

    private final int maxRecordBytes;

    private CsvCopy(InputStream in, int maxRecordBytes) {
        this.in = in;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Opens the file and reads its header; the header is empty when the file is. */
    static CsvCopy open(InputStream in) throws IOException, CsvFile.Unreadable {
        return open(in, MAX_RECORD_BYTES);
    }

    static CsvCopy open(InputStream in, int maxRecordBytes) throws IOException, CsvFile.Unreadable {
        var csv = new CsvCopy(in, maxRecordBytes);
        try {
            csv.fill();
            if (csv.limit - csv.position >= 2) {
                int b0 = csv.buffer[0] & 0xFF;
                int b1 = csv.buffer[1] & 0xFF;
                if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
                    throw new CsvFile.Unreadable(
                            1,
                            "The file is encoded as UTF-16; OneRoster files must be UTF-8 (with or without a byte-order mark). Save it again as UTF-8");
                }
            }
            if (csv.limit - csv.position >= 3
                    && (csv.buffer[0] & 0xFF) == 0xEF
                    && (csv.buffer[1] & 0xFF) == 0xBB
                    && (csv.buffer[2] & 0xFF) == 0xBF) {
                csv.position = 3;
            }
            long at = csv.readRecord();
            if (at < 0) {
                return csv;
            }
            var names = new ArrayList<String>(csv.fields);
            for (int i = 0; i < csv.fields; i++) {
                names.add(csv.value(i));
            }
            if (names.stream().anyMatch(h -> h.indexOf('\0') >= 0)) {
                throw new CsvFile.Unreadable(
                        1,
                        "The file holds NUL characters, as UTF-16 files do; OneRoster files must be UTF-8. Save it again as UTF-8");
            }
            csv.checkUtf8(at, names);
            csv.header = List.copyOf(names);
            return csv;
        } catch (CsvFile.Unreadable | IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    List<String> header() {
        return header;
    }

    /**
     * Sends every remaining record to {@code copy}: its line, then for each target column the value of the header
     * column {@code source[j]} (NULL for -1, or when blank). Records with another number of fields than the header,
     * or with a NUL character, go to {@code rejected}.
     *
     * {@link #records()} counts them, sent or not.
     */
    void copy(CopyIn copy, int[] source, Rejected rejected, LongConsumer progress)
            throws IOException, SQLException, CsvFile.Unreadable {
        var out = new byte[FLUSH_AT + (1 << 16)];
        int length = 0;
        try {
            for (long at = readRecord(); at >= 0; at = readRecord()) {
                records++;
                if (records % 10_000 == 0) {
                    progress.accept(records);
                }
                if (fields != header.size()) {
                    rejected.reject(
                            at, null, null, "The row has " + fields + " fields; the header has " + header.size());
                    continue;
                }
                if (highBytes) {
                    checkUtf8(at, header);
                }
                if (nul) {
                    var column = header.get(fieldOf(indexOf((byte) 0)));
                    rejected.reject(at, column, null, "The value holds a NUL character, which text cannot");
                    continue;
                }
                int needed = 24 + 2 * recordLength + 3 * source.length;
                if (length + needed > out.length) {
                    copy.writeToCopy(out, 0, length);
                    length = 0;
                    if (needed > out.length) {
                        out = new byte[needed];
                    }
                }
                length = appendLong(out, length, at);
                for (int j : source) {
                    out[length++] = '\t';
                    length = appendValue(out, length, j);
                }
                out[length++] = '\n';
                if (length >= FLUSH_AT) {
                    copy.writeToCopy(out, 0, length);
                    length = 0;
                }
            }
        } catch (RosterPackage.TooLarge e) {
            throw new CsvFile.Unreadable(line, e.getMessage());
        } finally {
            if (length > 0) {
                copy.writeToCopy(out, 0, length);
            }
        }
    }

    /**
     * Reads the next record, for a reader that takes its fields itself ({@link StreamedEnrollments}) instead of
     * {@link #copy copying} them; counted in {@link #records()}.
     *
     * @return the line the record starts on, or -1 at the end of the file
     */
    long next() throws IOException, CsvFile.Unreadable {
        try {
            long at = readRecord();
            if (at >= 0) {
                records++;
            }
            return at;
        } catch (RosterPackage.TooLarge e) {
            throw new CsvFile.Unreadable(line, e.getMessage());
        }
    }

    /** The number of fields of the record read last. */
    int fields() {
        return fields;
    }

    /** Whether the record read last is ASCII without NUL: nothing in it needs a check of its encoding. */
    boolean plain() {
        return !highBytes && !nul;
    }

    /** The bytes of the record read last, its fields one after another from {@link #start} to {@link #end}. */
    byte[] bytes() {
        return record;
    }

    int start(int field) {
        return field == 0 ? 0 : fieldEnds[field - 1];
    }

    int end(int field) {
        return fieldEnds[field];
    }

    /** Whether the field is blank, which the import reads as no value. */
    boolean blank(int field) {
        return blank(start(field), end(field));
    }

    /** Whether the field holds exactly the ASCII text {@code text}. */
    boolean is(int field, String text) {
        int start = start(field);
        if (end(field) - start != text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (record[start + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The field's text. */
    String text(int field) {
        return value(field);
    }

    /** The records read after the header so far. */
    long records() {
        return records;
    }

    private int appendValue(byte[] out, int at, int field) {
        if (field < 0) {
            return appendNull(out, at);
        }
        int start = field == 0 ? 0 : fieldEnds[field - 1];
        int end = fieldEnds[field];
        if (blank(start, end)) {
            return appendNull(out, at);
        }
        if (!escaped) {
            System.arraycopy(record, start, out, at, end - start);
            return at + end - start;
        }
        for (int i = start; i < end; i++) {
            byte b = record[i];
            switch (b) {
                case '\\' -> {
                    out[at++] = '\\';
                    out[at++] = '\\';
                }
                case '\t' -> {
                    out[at++] = '\\';
                    out[at++] = 't';
                }
                case '\n' -> {
                    out[at++] = '\\';
                    out[at++] = 'n';
                }
                case '\r' -> {
                    out[at++] = '\\';
                    out[at++] = 'r';
                }
                default -> out[at++] = b;
            }
        }
        return at;
    }

    private static int appendNull(byte[] out, int at) {
        out[at++] = '\\';
        out[at++] = 'N';
        return at;
    }

    private static int appendLong(byte[] out, int at, long value) {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        for (int i = at + digits - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return at + digits;
    }

    /** Blank as Java's {@code String.isBlank} sees ASCII: only spaces, tabs, line breaks and the like. */
    private boolean blank(int start, int end) {
        for (int i = start; i < end; i++) {
            int b = record[i];
            if (b != ' ' && (b < 0x09 || b > 0x0D) && (b < 0x1C || b > 0x1F)) {
                return false;
            }
        }
        return true;
    }

    private String value(int field) {
        int start = field == 0 ? 0 : fieldEnds[field - 1];
        return new String(record, start, fieldEnds[field] - start, StandardCharsets.UTF_8);
    }

    private int indexOf(byte wanted) {
        for (int i = 0; i < recordLength; i++) {
            if (record[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private int fieldOf(int offset) {
        int field = 0;
        while (field < fields - 1 && fieldEnds[field] <= offset) {
            field++;
        }
        return field;
    }

    /** Refuses the file from the first byte that is not UTF-8, naming the column it is in. */
    private void checkUtf8(long at, List<String> names) throws CsvFile.Unreadable {
        int bad = invalidUtf8();
        if (bad < 0) {
            return;
        }
        int field = fieldOf(bad);
        var column = field < names.size() ? names.get(field) : "column " + (field + 1);
        throw new CsvFile.Unreadable(
                at,
                "The file is not valid UTF-8 (in column " + column
                        + "; for example Windows-1252 or Latin-1); OneRoster files must be UTF-8. Save it again as UTF-8");
    }

    /** The offset of the first byte of the record that does not belong to a well-formed UTF-8 sequence, or -1. */
    private int invalidUtf8() {
        int i = 0;
        while (i < recordLength) {
            int b = record[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int n;
            int min;
            int max = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                n = 1;
                min = 0x80;
            } else if (b == 0xE0) {
                n = 2;
                min = 0xA0;
            } else if (b >= 0xE1 && b <= 0xEF) {
                n = 2;
                min = 0x80;
                if (b == 0xED) {
                    max = 0x9F;
                }
            } else if (b == 0xF0) {
                n = 3;
                min = 0x90;
            } else if (b >= 0xF1 && b <= 0xF3) {
                n = 3;
                min = 0x80;
            } else if (b == 0xF4) {
                n = 3;
                min = 0x80;
                max = 0x8F;
            } else {
                return i;
            }
            if (i + n >= recordLength) {
                return i;
            }
            int second = record[i + 1] & 0xFF;
            if (second < min || second > max) {
                return i;
            }
            for (int k = 2; k <= n; k++) {
                int next = record[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return i;
                }
            }
            i += n + 1;
        }
        return -1;
    }

    /**
     * Reads the next record into {@link #record} and {@link #fieldEnds}, skipping empty lines.
     *
     * @return the line the record starts on, or -1 at the end of the file
     */
    private long readRecord() throws IOException, CsvFile.Unreadable {
        recordLength = 0;
        fields = 0;
        highBytes = false;
        nul = false;
        escaped = false;
        int b = read();
        while (b == '\n' || b == '\r') {
            b = read();
        }
        if (b < 0) {
            return -1;
        }
        long start = line;
        while (true) {
            if (b == '"') {
                long quoteLine = line;
                while (true) {
                    b = read();
                    if (b < 0) {
                        throw new CsvFile.Unreadable(
                                start,
                                "The file cannot be read as CSV from here on: it ends inside the quoted value that begins on line "
                                        + quoteLine);
                    }
                    if (b == '"') {
                        b = read();
                        if (b != '"') {
                            break;
                        }
                    }
                    put(b, start);
                }
                if (b >= 0 && b != ',' && b != '\n' && b != '\r') {
                    throw new CsvFile.Unreadable(
                            start,
                            "The file cannot be read as CSV from here on: a quoted value is followed by other characters"
                                    + " before the next comma, on line " + line);
                }
            } else {
                while (b >= 0 && b != ',' && b != '\n' && b != '\r') {
                    put(b, start);
                    putRest(start);
                    b = read();
                }
            }
            endField();
            if (b != ',') {
                return start;
            }
            b = read();
        }
    }

    private void put(int b, long start) throws CsvFile.Unreadable {
        if (recordLength == maxRecordBytes) {
            throw new CsvFile.Unreadable(
                    start,
                    "The record that begins here is longer than "
                            + (maxRecordBytes >= 1 << 20 ? (maxRecordBytes >> 20) + " MiB" : maxRecordBytes + " bytes")
                            + "; a quoted value is probably never closed. The file cannot be read on");
        }
        if (recordLength == record.length) {
            record = Arrays.copyOf(record, Math.min(record.length * 2, maxRecordBytes));
        }
        if (b >= 0x80) {
            highBytes = true;
        } else if (b == 0) {
            nul = true;
        } else if (b == '\\' || b == '\t' || b == '\n' || b == '\r') {
            escaped = true;
        }
        record[recordLength++] = (byte) b;
    }

    /**
     * Takes the rest of an unquoted value as far as the buffer holds it, up to the next comma or line break, in one
     * go instead of a call per byte: splitting the bytes was the slower half of copying the enrollments. No line
     * break is in these bytes, so the line count stays right; the caller reads the byte that ends them.
     */
    private void putRest(long start) throws CsvFile.Unreadable {
        int from = position;
        int end = from;
        boolean high = false;
        boolean zero = false;
        boolean escape = false;
        while (end < limit) {
            byte c = buffer[end];
            // Every byte that needs a look is below '-' (or is the backslash, or not ASCII): most bytes pass at once.
            if (c < '-' || c == '\\') {
                if (c == ',' || c == '\n' || c == '\r') {
                    break;
                }
                if (c < 0) {
                    high = true;
                } else if (c == 0) {
                    zero = true;
                } else if (c == '\\' || c == '\t') {
                    escape = true;
                }
            }
            end++;
        }
        int n = end - from;
        if (n == 0) {
            return;
        }
        if (recordLength + n > maxRecordBytes) {
            // Byte by byte, to stop exactly where the longest record ends.
            while (position < end) {
                put(buffer[position++] & 0xFF, start);
            }
            return;
        }
        if (recordLength + n > record.length) {
            record = Arrays.copyOf(record, Math.min(Math.max(record.length * 2, recordLength + n), maxRecordBytes));
        }
        System.arraycopy(buffer, from, record, recordLength, n);
        recordLength += n;
        highBytes |= high;
        nul |= zero;
        escaped |= escape;
        position = end;
    }

    private void endField() {
        if (fields == fieldEnds.length) {
            fieldEnds = Arrays.copyOf(fieldEnds, fields * 2);
        }
        fieldEnds[fields++] = recordLength;
    }

    /**
     * The next byte (0–255), or -1 at the end. Counts lines, a CRLF once; the bytes themselves are returned as they
     * are, since a quoted value keeps its line breaks, and a record's end skips the LF of a CRLF as an empty line.
     */
    private int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        int b = buffer[position++] & 0xFF;
        if (b == '\n') {
            if (!afterCr) {
                line++;
            }
            afterCr = false;
        } else if (b == '\r') {
            afterCr = true;
            line++;
        } else {
            afterCr = false;
        }
        return b;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        while (n == 0) {
            n = in.read(buffer, 0, buffer.length);
        }
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
