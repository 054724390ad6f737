package org.cadre.organization.roster;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/** Rows streamed into a table with PostgreSQL's COPY (text format), in buffers of about a megabyte. */
final class CopyRows implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 20;

    private final CopyIn copy;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH_AT + 4096);
    private final StringBuilder line = new StringBuilder(256);
    private long rows;

    CopyRows(CopyManager copyManager, String table, String columns) throws SQLException {
        this.copy = copyManager.copyIn("copy " + table + " (" + columns + ") from stdin");
    }

    void row(Object... values) throws SQLException {
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append('\t');
            }
            append(values[i]);
        }
        line.append('\n');
        buffer.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        rows++;
        if (buffer.size() >= FLUSH_AT) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    private void append(Object value) {
        if (value == null) {
            line.append("\\N");
            return;
        }
        if (value instanceof Boolean b) {
            line.append(b ? 't' : 'f');
            return;
        }
        var text = value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
    }

    private void flush() throws SQLException {
        if (buffer.size() > 0) {
            var bytes = buffer.toByteArray();
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.reset();
        }
    }

    /** Ends the copy, sending what is buffered. */
    @Override
    public void close() throws SQLException {
        if (!copy.isActive()) {
            return;
        }
        flush();
        copy.endCopy();
    }
}
