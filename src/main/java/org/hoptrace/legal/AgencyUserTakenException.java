package org.hoptrace.legal;

/** An invitation for an address that already has a portal user. */
public class AgencyUserTakenException extends RuntimeException {

    public AgencyUserTakenException(String email) {
        super(email + " already has a portal user");
    }
}
