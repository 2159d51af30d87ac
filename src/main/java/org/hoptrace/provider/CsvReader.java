package org.hoptrace.provider;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 describes it: fields separated by commas, records by CRLF (LF or CR alone
 * are accepted too), fields in double quotes may hold commas, line breaks and doubled quotes. A
 * leading byte-order mark is skipped. Every record carries the line it starts on (the first line is
 * 1), so a report can point at it; a record that breaks the quoting rules carries the reason instead
 * of being guessed at.
 */
final class CsvReader {

    /** One record: its fields, the line it starts on, and why it is malformed (null if it is not). */
    record Row(int line, List<String> fields, String malformed) {

        boolean isBlank() {
            return malformed == null && fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    private CsvReader() {
    }

    static List<Row> read(String text) {
        List<Row> rows = new ArrayList<>();
        int length = text.length();
        int i = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        int line = 1;
        while (i < length) {
            int start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            String malformed = null;
            boolean quoted = false;
            boolean afterQuote = false;
            boolean endOfRecord = false;
            while (i < length && !endOfRecord) {
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"' && i < length && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                        afterQuote = true;
                    } else {
                        line += lineBreak(text, i, c);
                        field.append(c);
                    }
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    afterQuote = false;
                } else if (c == '\r' || c == '\n') {
                    line++;
                    if (c == '\r' && i < length && text.charAt(i) == '\n') {
                        i++;
                    }
                    endOfRecord = true;
                } else if (c == '"' && field.isEmpty() && !afterQuote) {
                    quoted = true;
                } else if (malformed == null && (afterQuote || c == '"')) {
                    malformed = afterQuote ? "text after the closing quote of field " + (fields.size() + 1)
                            : "a quote inside unquoted field " + (fields.size() + 1) + " (quote the field and double the quote)";
                    field.append(c);
                } else {
                    field.append(c);
                }
            }
            if (quoted) {
                malformed = "the quote opening field " + (fields.size() + 1) + " is never closed";
            }
            fields.add(field.toString());
            rows.add(new Row(start, List.copyOf(fields), malformed));
        }
        return rows;
    }

    /** 1 if {@code c} (just read, {@code next} is the index after it) ends a line, counting CRLF once. */
    private static int lineBreak(String text, int next, char c) {
        if (c == '\n') {
            return 1;
        }
        return c == '\r' && (next >= text.length() || text.charAt(next) != '\n') ? 1 : 0;
    }
}
