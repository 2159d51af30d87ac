package org.hoptrace.calls;

import java.security.Principal;
import java.util.UUID;

/** A data source that authenticated with its API key: it may post calls, as itself only. */
public record CallSourcePrincipal(UUID sourceId, String name) implements Principal {

    @Override
    public String getName() {
        return name;
    }
}
