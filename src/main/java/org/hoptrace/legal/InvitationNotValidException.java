package org.hoptrace.legal;

/** An invitation link that was used already, has expired, was replaced by a newer one or never existed. */
public class InvitationNotValidException extends RuntimeException {

    public InvitationNotValidException() {
        super("This invitation link has expired or was used already; ask the traceback group for a new one.");
    }
}
