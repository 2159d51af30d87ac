package org.hoptrace.calls;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.MediaType;

/** How a batch of calls is written: a JSON array, NDJSON (one object per line) or CSV. */
enum CallFormat {
    JSON("json"), NDJSON("ndjson"), CSV("csv");

    static final String NDJSON_TYPE = "application/x-ndjson";

    private final String code;

    CallFormat(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    /** The format a Content-Type names: application/json, application/x-ndjson (or application/ndjson, application/jsonl), text/csv. */
    static Optional<CallFormat> of(MediaType type) {
        String name = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        return switch (name) {
            case "application/json" -> Optional.of(JSON);
            case NDJSON_TYPE, "application/ndjson", "application/jsonl", "application/x-jsonlines" -> Optional.of(NDJSON);
            case "text/csv" -> Optional.of(CSV);
            default -> Optional.empty();
        };
    }

    /** The charset a Content-Type names, UTF-8 if none. */
    static Charset charsetOf(MediaType type) {
        Charset charset = type.getCharset();
        return charset == null ? StandardCharsets.UTF_8 : charset;
    }
}
