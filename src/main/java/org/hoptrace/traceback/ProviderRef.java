package org.hoptrace.traceback;

import java.util.UUID;

import org.hoptrace.provider.Provider;

/** A provider as tracebacks show it: id, legal name, country (ISO 3166-1 alpha-2). */
public record ProviderRef(UUID id, String name, String country) {

    static ProviderRef of(Provider provider) {
        return new ProviderRef(provider.id(), provider.legalName(), provider.country());
    }
}
