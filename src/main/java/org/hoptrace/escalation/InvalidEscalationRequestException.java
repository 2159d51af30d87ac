package org.hoptrace.escalation;

import java.util.Map;

/** A request about escalations with a field that is missing or wrong. */
class InvalidEscalationRequestException extends RuntimeException {

    private final Map<String, String> problems;

    InvalidEscalationRequestException(String field, String problem) {
        super(field + ": " + problem);
        this.problems = Map.of(field, problem);
    }

    Map<String, String> problems() {
        return problems;
    }
}
