package org.hoptrace.workflow;

/** A {@link UserTaskCompletionListener} refuses the completion of a user task; the message says why. */
public class TaskCompletionRefusedException extends RuntimeException {

    public TaskCompletionRefusedException(String message) {
        super(message);
    }
}
