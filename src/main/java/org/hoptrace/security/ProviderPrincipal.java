package org.hoptrace.security;

import java.security.Principal;
import java.util.UUID;

/** A voice service provider that authenticated with its API credentials. */
public record ProviderPrincipal(UUID providerId, String name) implements Principal {

    @Override
    public String getName() {
        return name;
    }
}
