package org.hoptrace.calls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import org.postgresql.copy.CopyIn;

/**
 * Writes rows to a running {@code COPY ... FROM STDIN} in PostgreSQL's text format, in chunks of
 * {@link #CHUNK} bytes: memory holds one chunk, whatever the number of rows.
 */
final class CopyRows {

    static final int CHUNK = 256 * 1024;

    private final CopyIn copy;
    private final StringBuilder row = new StringBuilder(512);
    private final byte[] chunk = new byte[CHUNK];
    private int used;

    CopyRows(CopyIn copy) {
        this.copy = copy;
    }

    /** Adds one row; {@code null} values become SQL null. */
    void write(Object... values) throws IOException {
        row.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                row.append('\t');
            }
            append(values[i]);
        }
        row.append('\n');
        byte[] bytes = row.toString().getBytes(StandardCharsets.UTF_8);
        if (used + bytes.length > chunk.length) {
            flush();
            if (bytes.length > chunk.length) {
                send(bytes, bytes.length);
                return;
            }
        }
        System.arraycopy(bytes, 0, chunk, used, bytes.length);
        used += bytes.length;
    }

    /** Sends what is buffered and ends the COPY; returns the rows PostgreSQL took. */
    long finish() throws IOException {
        flush();
        try {
            return copy.endCopy();
        } catch (SQLException e) {
            throw new IOException("COPY into PostgreSQL failed: " + e.getMessage(), e);
        }
    }

    /** Abandons the COPY (the batch is refused), if it is still running. */
    void cancel() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            // the transaction is rolled back anyway
        }
    }

    private void flush() throws IOException {
        if (used > 0) {
            send(chunk, used);
            used = 0;
        }
    }

    private void send(byte[] bytes, int length) throws IOException {
        try {
            copy.writeToCopy(bytes, 0, length);
        } catch (SQLException e) {
            throw new IOException("COPY into PostgreSQL failed: " + e.getMessage(), e);
        }
    }

    private void append(Object value) {
        if (value == null) {
            row.append("\\N");
            return;
        }
        String text = value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                case '\0' -> { }
                default -> row.append(c);
            }
        }
    }
}
