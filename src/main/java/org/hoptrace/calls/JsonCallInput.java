package org.hoptrace.calls;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A JSON array of call objects, read with Jackson's streaming parser one object at a time (the array is
 * never held whole). An item that is no object, or a field holding an object or array, is a bad row; a
 * syntax error makes the body unreadable, since nothing after it can be trusted.
 */
final class JsonCallInput implements CallInput {

    private final JsonFactory factory;
    private final InputStream in;

    JsonCallInput(JsonFactory factory, InputStream in) {
        this.factory = factory;
        this.in = in;
    }

    @Override
    public void forEach(CallSink sink) throws IOException {
        try (JsonParser parser = factory.createParser(in)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new UnreadableCallsException("the body is empty: send a JSON array of calls");
            }
            if (token != JsonToken.START_ARRAY) {
                throw new UnreadableCallsException("a JSON array of calls is expected (application/json); "
                        + "for one call per line send application/x-ndjson");
            }
            long index = 0;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new UnreadableCallsException("the JSON array is not closed");
                }
                long line = parser.currentTokenLocation().getLineNr();
                sink.accept(item(parser, index + 1, line, index));
                index++;
            }
            if (parser.nextToken() != null) {
                throw new UnreadableCallsException("text after the end of the JSON array at line "
                        + parser.currentTokenLocation().getLineNr());
            }
        } catch (JsonProcessingException e) {
            throw new UnreadableCallsException("not valid JSON: " + describe(e));
        }
    }

    /** The object the parser stands at (its START_OBJECT, or another token: a bad row). */
    static RawCall item(JsonParser parser, long position, long line, Long index) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return new RawCall(position, line, index, Map.of(), List.of("a call must be a JSON object"));
        }
        Map<String, String> fields = new HashMap<>();
        List<String> problems = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            String field = CallLayout.HOPTRACE.fieldOf(name).orElse(null);
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                parser.skipChildren();
                if (field != null) {
                    problems.add(field + ": must be text or a number");
                }
            } else if (field != null && value != JsonToken.VALUE_NULL) {
                fields.put(field, parser.getText());
            }
        }
        return new RawCall(position, line, index, fields, problems);
    }

    static String describe(JsonProcessingException e) {
        var location = e.getLocation();
        return e.getOriginalMessage() + (location == null ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")");
    }
}
