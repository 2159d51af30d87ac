package org.hoptrace.document;

/**
 * Whether plain text is CSV (Tika calls most CSV files text/plain when it looks at the content only):
 * at least two records, every record with the same number (two or more) of fields separated by one
 * delimiter (comma, semicolon or tab), quoted fields closed. The bytes are scanned as they are: the
 * delimiters, quotes and line ends are ASCII, so UTF-8 and the ISO-8859 family read alike.
 */
final class CsvShape {

    private static final byte[] DELIMITERS = {',', ';', '\t'};

    private CsvShape() {
    }

    static boolean isCsv(byte[] text) {
        for (byte delimiter : DELIMITERS) {
            if (regular(text, delimiter)) {
                return true;
            }
        }
        return false;
    }

    private static boolean regular(byte[] text, byte delimiter) {
        int expected = -1;
        int records = 0;
        int fields = 1;
        boolean quoted = false;
        boolean fieldStart = true;
        boolean blankLine = true;
        for (int i = 0; i <= text.length; i++) {
            byte b = i < text.length ? text[i] : (byte) '\n';
            if (quoted) {
                if (b == '"' && i + 1 < text.length && text[i + 1] == '"') {
                    i++;
                } else if (b == '"') {
                    quoted = false;
                }
            } else if (b == '\n' || b == '\r') {
                if (!blankLine) {
                    if (expected < 0) {
                        expected = fields;
                    } else if (fields != expected) {
                        return false;
                    }
                    records++;
                }
                fields = 1;
                fieldStart = true;
                blankLine = true;
            } else {
                blankLine = false;
                if (b == delimiter) {
                    fields++;
                    fieldStart = true;
                } else {
                    quoted = b == '"' && fieldStart;
                    fieldStart = false;
                }
            }
        }
        return !quoted && records >= 2 && expected >= 2;
    }
}
