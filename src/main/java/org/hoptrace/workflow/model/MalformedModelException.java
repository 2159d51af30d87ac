package org.hoptrace.workflow.model;

/** A model file whose XML does not parse; carries the line of the first error. */
final class MalformedModelException extends Exception {

    private final int line;

    MalformedModelException(int line, String message, Throwable cause) {
        super(message, cause);
        this.line = line;
    }

    ModelProblem toProblem(String file) {
        return new ModelProblem(file, "line " + line, "XML does not parse: " + getMessage());
    }
}
