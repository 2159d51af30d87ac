package org.hoptrace.calls;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Encodes rows in PostgreSQL's COPY text format straight into byte chunks of {@link #CHUNK} bytes (UTF-8,
 * no intermediate strings) and hands each chunk, once three quarters full, to a {@link Chunks} consumer:
 * memory holds the chunks in flight, whatever the number of rows. (A row is at most a few ten kilobytes; one
 * that would not fit grows the chunk rather than being split.)
 */
final class CopyRows {

    static final int CHUNK = 1 << 20;

    /** Where full chunks go; {@link #next()} gives the (empty) chunk to fill next. */
    interface Chunks {

        void full(byte[] bytes, int length) throws IOException;

        byte[] next() throws IOException;
    }

    private static final long YEAR_1000 = -30_610_224_000L;
    private static final long YEAR_10000 = 253_402_300_800L;

    private final Chunks chunks;
    private byte[] chunk;
    private int used;

    CopyRows(Chunks chunks) throws IOException {
        this.chunks = chunks;
        this.chunk = chunks.next();
    }

    /** Adds bytes already in COPY text format (a fixed column with its tab, e.g. the source id). */
    void raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, chunk, used, bytes.length);
        used += bytes.length;
    }

    /** Adds a column; {@code first} columns have no tab before them. Null becomes SQL null. */
    void text(String value, boolean first) {
        if (!first) {
            put((byte) '\t');
        }
        if (value == null) {
            put((byte) '\\');
            put((byte) 'N');
            return;
        }
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> { put((byte) '\\'); put((byte) '\\'); }
                    case '\t' -> { put((byte) '\\'); put((byte) 't'); }
                    case '\n' -> { put((byte) '\\'); put((byte) 'n'); }
                    case '\r' -> { put((byte) '\\'); put((byte) 'r'); }
                    case '\0' -> { }
                    default -> put((byte) c);
                }
            } else if (c < 0x800) {
                put((byte) (0xC0 | (c >> 6)));
                put((byte) (0x80 | (c & 0x3F)));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                int code = Character.toCodePoint(c, value.charAt(++i));
                put((byte) (0xF0 | (code >> 18)));
                put((byte) (0x80 | ((code >> 12) & 0x3F)));
                put((byte) (0x80 | ((code >> 6) & 0x3F)));
                put((byte) (0x80 | (code & 0x3F)));
            } else if (Character.isSurrogate(c)) {
                put((byte) '?'); // a lone surrogate has no UTF-8 form; String.getBytes writes '?' too
            } else {
                put((byte) (0xE0 | (c >> 12)));
                put((byte) (0x80 | ((c >> 6) & 0x3F)));
                put((byte) (0x80 | (c & 0x3F)));
            }
        }
    }

    void number(Integer value) {
        text(value == null ? null : value.toString(), false);
    }

    /** A time as {@link Instant#toString()} writes it; whole seconds of the years 1000 to 9999 without a formatter. */
    void time(Instant value) {
        if (value == null || value.getNano() != 0 || value.getEpochSecond() < YEAR_1000 || value.getEpochSecond() >= YEAR_10000) {
            text(value == null ? null : value.toString(), false);
            return;
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(value.getEpochSecond(), 0, ZoneOffset.UTC);
        ensure(21);
        chunk[used++] = '\t';
        digits(t.getYear(), 4);
        chunk[used++] = '-';
        digits(t.getMonthValue(), 2);
        chunk[used++] = '-';
        digits(t.getDayOfMonth(), 2);
        chunk[used++] = 'T';
        digits(t.getHour(), 2);
        chunk[used++] = ':';
        digits(t.getMinute(), 2);
        chunk[used++] = ':';
        digits(t.getSecond(), 2);
        chunk[used++] = 'Z';
    }

    private void digits(int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            chunk[used + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        used += width;
    }

    /** Ends the row; a chunk three quarters full (rows are far smaller than a quarter) is handed over. */
    void end() throws IOException {
        put((byte) '\n');
        if (used >= CHUNK - CHUNK / 4) {
            chunks.full(chunk, used);
            chunk = chunks.next();
            used = 0;
        }
    }

    /** Hands over what is buffered. */
    void finish() throws IOException {
        if (used > 0) {
            chunks.full(chunk, used);
            used = 0;
        }
    }

    private void put(byte b) {
        if (used == chunk.length) {
            grow(1);
        }
        chunk[used++] = b;
    }

    private void ensure(int length) {
        if (used + length > chunk.length) {
            grow(length);
        }
    }

    /** A row that does not fit: the chunk grows. */
    private void grow(int at) {
        byte[] bigger = new byte[Math.max(chunk.length * 2, used + at)];
        System.arraycopy(chunk, 0, bigger, 0, used);
        chunk = bigger;
    }
}
