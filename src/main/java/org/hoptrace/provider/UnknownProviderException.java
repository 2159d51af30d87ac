package org.hoptrace.provider;

import java.util.UUID;

/** A provider id that is not in the registry. */
public class UnknownProviderException extends RuntimeException {

    private final UUID providerId;

    public UnknownProviderException(UUID providerId) {
        super("no provider with id " + providerId);
        this.providerId = providerId;
    }

    public UUID providerId() {
        return providerId;
    }
}
