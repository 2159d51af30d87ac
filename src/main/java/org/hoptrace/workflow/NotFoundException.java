package org.hoptrace.workflow;

/** A process, instance, task or message the caller named does not exist (or no longer runs). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
