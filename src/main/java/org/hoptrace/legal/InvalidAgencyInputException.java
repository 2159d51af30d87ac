package org.hoptrace.legal;

import java.util.Map;

/** Input of the agency portal or of staff managing its users that breaks a rule: the problems by field. */
public class InvalidAgencyInputException extends RuntimeException {

    private final Map<String, String> problems;

    public InvalidAgencyInputException(Map<String, String> problems) {
        super("invalid fields: " + problems);
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
