package org.hoptrace.agency;

import java.util.UUID;

/** Another agency in the registry already has the name (names are compared ignoring case). */
public class AgencyNameTakenException extends RuntimeException {

    private final UUID existingId;

    /** @param existingId the agency that has the name; null if not known (both were saved at the same moment) */
    public AgencyNameTakenException(String name, UUID existingId) {
        super("an agency named '" + name + "' is already registered");
        this.existingId = existingId;
    }

    public UUID existingId() {
        return existingId;
    }
}
