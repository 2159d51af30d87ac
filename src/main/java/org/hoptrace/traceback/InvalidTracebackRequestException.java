package org.hoptrace.traceback;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A traceback request (a new traceback, a list filter, a cancel) with invalid fields: field name to message. */
public class InvalidTracebackRequestException extends RuntimeException {

    private final Map<String, String> fieldProblems;

    public InvalidTracebackRequestException(Map<String, String> fieldProblems) {
        super("invalid fields: " + String.join(", ", fieldProblems.keySet()));
        this.fieldProblems = Collections.unmodifiableMap(new LinkedHashMap<>(fieldProblems));
    }

    /** Field name to message, in the order of the fields, e.g. {@code callingNumber -> calling number '12ab' is not a phone number}. */
    public Map<String, String> fieldProblems() {
        return fieldProblems;
    }
}
