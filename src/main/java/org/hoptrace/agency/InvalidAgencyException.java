package org.hoptrace.agency;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An agency draft (or list parameter) that breaks the registry's rules: the problems by field. */
public class InvalidAgencyException extends RuntimeException {

    private final Map<String, String> problems;

    public InvalidAgencyException(Map<String, String> problems) {
        super("invalid agency: " + problems);
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public Map<String, String> problems() {
        return problems;
    }
}
