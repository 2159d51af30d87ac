package org.hoptrace.calls;

import java.util.Map;

/** A source draft with invalid fields: field name -> what is wrong. */
class InvalidSourceException extends RuntimeException {

    private final Map<String, String> problems;

    InvalidSourceException(Map<String, String> problems) {
        super("Invalid source: " + problems);
        this.problems = Map.copyOf(problems);
    }

    Map<String, String> problems() {
        return problems;
    }
}
