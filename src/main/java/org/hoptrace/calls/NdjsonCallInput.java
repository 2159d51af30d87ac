package org.hoptrace.calls;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * NDJSON: one JSON object per line. Lines are read one at a time (at most {@link CsvRecords#MAX_RECORD_CHARS}
 * characters each); a line that is not a JSON object is a bad row and the next line is read as usual.
 */
final class NdjsonCallInput implements CallInput {

    private final JsonFactory factory;
    private final Reader in;
    private final char[] buffer = new char[65536];
    private int position;
    private int limit;

    NdjsonCallInput(JsonFactory factory, Reader in) {
        this.factory = factory;
        this.in = in;
    }

    @Override
    public void forEach(CallSink sink) throws IOException {
        StringBuilder line = new StringBuilder();
        long lineNumber = 0;
        long rows = 0;
        boolean more = true;
        while (more) {
            line.setLength(0);
            boolean tooLong = false;
            int c;
            while ((c = read()) != -1 && c != '\n') {
                if (line.length() < CsvRecords.MAX_RECORD_CHARS) {
                    line.append((char) c);
                } else {
                    tooLong = true;
                }
            }
            more = c != -1;
            lineNumber++;
            if (line.toString().isBlank()) {
                continue;
            }
            rows++;
            if (tooLong) {
                sink.accept(new RawCall(rows, lineNumber, null, Map.of(), List.of(
                        "the line is longer than " + CsvRecords.MAX_RECORD_CHARS + " characters")));
            } else {
                sink.accept(parse(line.toString(), rows, lineNumber));
            }
        }
    }

    private RawCall parse(String text, long row, long lineNumber) throws IOException {
        try (JsonParser parser = factory.createParser(text)) {
            parser.nextToken();
            RawCall call = JsonCallInput.item(parser, row, lineNumber, null);
            if (parser.nextToken() != null) {
                return new RawCall(row, lineNumber, null, Map.of(), List.of("one JSON object per line: text after the object"));
            }
            return call;
        } catch (JsonProcessingException e) {
            return new RawCall(row, lineNumber, null, Map.of(), List.of("not valid JSON: " + e.getOriginalMessage()));
        }
    }

    private int read() throws IOException {
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
}
