package org.hoptrace.workflow.feel;

/** A FEEL expression did not parse or could not be evaluated. */
public class FeelException extends RuntimeException {

    public FeelException(String message) {
        super(message);
    }
}
