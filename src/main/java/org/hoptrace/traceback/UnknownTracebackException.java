package org.hoptrace.traceback;

/** A traceback id or reference that does not exist. */
public class UnknownTracebackException extends RuntimeException {

    public UnknownTracebackException(String idOrReference) {
        super("no traceback " + idOrReference);
    }
}
