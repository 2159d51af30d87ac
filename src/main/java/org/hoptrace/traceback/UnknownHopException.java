package org.hoptrace.traceback;

import java.util.UUID;

/** A hop id that does not exist. */
public class UnknownHopException extends RuntimeException {

    public UnknownHopException(UUID hopId) {
        super("no hop " + hopId);
    }
}
