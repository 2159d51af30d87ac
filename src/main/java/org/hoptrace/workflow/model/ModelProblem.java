package org.hoptrace.workflow.model;

/**
 * A problem found in a model file: the file, the id of the element concerned (or where the file
 * has no such element, a position such as {@code line 12}) and the reason.
 */
public record ModelProblem(String file, String elementId, String message) {

    /** {@code file:elementId: message}, the form the model check prints. */
    @Override
    public String toString() {
        return file + ":" + elementId + ": " + message;
    }
}
