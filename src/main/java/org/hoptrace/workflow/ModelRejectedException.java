package org.hoptrace.workflow;

import java.util.List;

/** Models with problems were not deployed; each problem reads {@code file:elementId: message}. */
public class ModelRejectedException extends RuntimeException {

    private final List<String> problems;

    public ModelRejectedException(List<String> problems) {
        super("models rejected, " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
