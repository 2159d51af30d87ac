package org.hoptrace.traceback;

import java.util.UUID;

/** A hop id that does not exist, or a hop number a traceback has not reached. */
public class UnknownHopException extends RuntimeException {

    public UnknownHopException(UUID hopId) {
        super("no hop " + hopId);
    }

    public UnknownHopException(String tracebackReference, int number) {
        super("traceback " + tracebackReference + " has no hop " + number);
    }
}
