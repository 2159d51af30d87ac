package org.hoptrace.calls;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records one at a time from a stream (RFC 4180: commas, quoted fields that may hold commas,
 * line breaks and doubled quotes; CRLF, LF or CR). Each record carries the line it starts on (first
 * line = 1) and, if it breaks the quoting rules or is too long, why: it is reported, not guessed at.
 * Memory is bounded by the longest record ({@link #MAX_RECORD_CHARS}); nothing else is kept.
 */
final class CsvRecords {

    static final int MAX_RECORD_CHARS = 1_000_000;

    record Record(long line, List<String> fields, String malformed) {

        boolean isBlank() {
            return malformed == null && fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    private final Reader in;
    private final char[] buffer = new char[65536];
    private int position;
    private int limit;
    private long line = 1;
    private int pushedBack = -2;
    private boolean started;

    CsvRecords(Reader in) {
        this.in = in;
    }

    /** The next record, or null at the end of the input. */
    Record next() throws IOException {
        int c = read();
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        if (c == -1) {
            return null;
        }
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String malformed = null;
        boolean quoted = false;
        boolean afterQuote = false;
        int length = 0;
        while (c != -1) {
            if (++length > MAX_RECORD_CHARS && malformed == null) {
                malformed = "the record is longer than " + MAX_RECORD_CHARS + " characters";
            }
            if (quoted) {
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        append(field, '"', malformed);
                    } else {
                        quoted = false;
                        afterQuote = true;
                        c = after;
                        continue;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && peek() != '\n')) {
                        line++;
                    }
                    append(field, (char) c, malformed);
                    length += run(field, malformed, true);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\r' || c == '\n') {
                line++;
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                break;
            } else if (c == '"' && field.isEmpty() && !afterQuote) {
                quoted = true;
            } else {
                if (malformed == null && (afterQuote || c == '"')) {
                    malformed = afterQuote ? "text after the closing quote of field " + (fields.size() + 1)
                            : "a quote inside unquoted field " + (fields.size() + 1) + " (quote the field and double the quote)";
                }
                append(field, (char) c, malformed);
                length += run(field, malformed, false);
            }
            c = read();
        }
        if (quoted && malformed == null) {
            malformed = "the quote opening field " + (fields.size() + 1) + " is never closed";
        }
        fields.add(field.toString());
        return new Record(start, malformed == null ? fields : List.of(), malformed);
    }

    /**
     * After an ordinary character: the ordinary characters that follow it in the buffer (no quote, line break
     * or, outside quotes, comma), appended at once rather than one by one. Returns how many.
     */
    private int run(StringBuilder field, String malformed, boolean quoted) {
        if (pushedBack != -2) {
            return 0;
        }
        int end = position;
        while (end < limit) {
            char ch = buffer[end];
            if (ch == '"' || ch == '\n' || ch == '\r' || (ch == ',' && !quoted)) {
                break;
            }
            end++;
        }
        int count = end - position;
        if (malformed == null) {
            field.append(buffer, position, count);
        }
        position = end;
        return count;
    }

    private static void append(StringBuilder field, char c, String malformed) {
        if (malformed == null) {
            field.append(c);
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return readBuffered();
    }

    private int readBuffered() throws IOException {
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (pushedBack == -2) {
            pushedBack = readBuffered();
        }
        return pushedBack;
    }
}
