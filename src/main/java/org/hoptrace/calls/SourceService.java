package org.hoptrace.calls;

import java.util.Map;
import java.util.UUID;

import org.hoptrace.provider.ProviderRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering sources and issuing their API keys. */
@Service
public class SourceService {

    /** A new source and its first API key (shown once). */
    public record Registered(CallSource source, SourceKey key) {
    }

    private final CallSourceRepository sources;
    private final ProviderRepository providers;

    SourceService(CallSourceRepository sources, ProviderRepository providers) {
        this.sources = sources;
        this.providers = providers;
    }

    /** Registers a source and issues its key; a name in use (ignoring case) or an unknown provider is refused. */
    @Transactional
    public Registered register(SourceDraft draft) {
        SourceDraft valid = draft.validated();
        checkProvider(valid.terminatingProviderId());
        if (sources.nameTaken(valid.name())) {
            throw new SourceNameTakenException(valid.name());
        }
        CallSource source = sources.insert(valid);
        SourceKey key = issueKey(source.id());
        return new Registered(sources.get(source.id()), key);
    }

    /** Sets (or, with null, removes) the provider that terminates the source's calls; it must be in the registry. */
    @Transactional
    public CallSource setTerminatingProvider(UUID sourceId, UUID providerId) {
        sources.get(sourceId);
        checkProvider(providerId);
        sources.setTerminatingProvider(sourceId, providerId);
        return sources.get(sourceId);
    }

    private void checkProvider(UUID providerId) {
        if (providerId != null && providers.find(providerId).isEmpty()) {
            throw new InvalidSourceException(Map.of("terminatingProviderId", "no provider " + providerId + " in the registry"));
        }
    }

    /** A new key for the source; the previous one stops working at once. */
    @Transactional
    public SourceKey issueKey(UUID sourceId) {
        sources.get(sourceId);
        SourceKey key = SourceKey.generate(sourceId);
        sources.setKey(sourceId, key.prefix(), key.hash());
        return key;
    }
}
