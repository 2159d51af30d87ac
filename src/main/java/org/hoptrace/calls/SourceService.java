package org.hoptrace.calls;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering sources and issuing their API keys. */
@Service
public class SourceService {

    /** A new source and its first API key (shown once). */
    public record Registered(CallSource source, SourceKey key) {
    }

    private final CallSourceRepository sources;

    SourceService(CallSourceRepository sources) {
        this.sources = sources;
    }

    /** Registers a source and issues its key; a name in use (ignoring case) is refused. */
    @Transactional
    public Registered register(SourceDraft draft) {
        SourceDraft valid = draft.validated();
        if (sources.nameTaken(valid.name())) {
            throw new SourceNameTakenException(valid.name());
        }
        CallSource source = sources.insert(valid);
        SourceKey key = issueKey(source.id());
        return new Registered(sources.get(source.id()), key);
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
