package org.hoptrace.traceback;

import java.util.Map;

/** An answer that cannot be recorded: invalid fields (400), or a hop answered differently before (409). */
public class AnswerRejectedException extends RuntimeException {

    public enum Reason { INVALID, CONFLICT, NOT_YOUR_HOP, HOP_CLOSED }

    private final Reason reason;
    private final Map<String, String> fieldProblems;

    public AnswerRejectedException(Reason reason, String message, Map<String, String> fieldProblems) {
        super(message);
        this.reason = reason;
        this.fieldProblems = Map.copyOf(fieldProblems);
    }

    public AnswerRejectedException(Reason reason, String message) {
        this(reason, message, Map.of());
    }

    public Reason reason() {
        return reason;
    }

    public Map<String, String> fieldProblems() {
        return fieldProblems;
    }
}
