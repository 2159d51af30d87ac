package org.hoptrace.agency;

import java.util.UUID;

/** An agency id that is not in the registry. */
public class UnknownAgencyException extends RuntimeException {

    public UnknownAgencyException(UUID agencyId) {
        super("no agency with id " + agencyId);
    }
}
