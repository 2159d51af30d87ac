package org.hoptrace.calls;

import java.util.Map;

/** A source draft with invalid fields: field name -> what is wrong, in the order of the form. */
class InvalidSourceException extends RuntimeException {

    private final Map<String, String> problems;

    InvalidSourceException(Map<String, String> problems) {
        super("Invalid source: " + problems);
        this.problems = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(problems));
    }

    Map<String, String> problems() {
        return problems;
    }
}
