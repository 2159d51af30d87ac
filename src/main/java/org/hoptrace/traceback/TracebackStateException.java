package org.hoptrace.traceback;

/**
 * A staff action that the traceback's or hop's current state does not allow, e.g. cancelling a
 * traceback that has ended or re-sending to a hop that was answered (409 in the API).
 */
public class TracebackStateException extends IllegalStateException {

    public TracebackStateException(String message) {
        super(message);
    }
}
