package org.hoptrace.calls;

import java.time.Instant;
import java.util.UUID;

/**
 * A source as the API shows it, with its ingestion status. {@code apiKey} is present only in the answer
 * that issued it: it is not stored and cannot be shown again.
 */
record SourceView(UUID id, String name, String kind, String contactEmail, UUID terminatingProviderId,
                  String apiKeyPrefix, boolean active, long acceptedCalls, long rejectedRows, Instant lastSeenAt,
                  Instant createdAt, String apiKey) {

    static SourceView of(CallSource source) {
        return of(source, null);
    }

    static SourceView of(CallSource source, SourceKey key) {
        return new SourceView(source.id(), source.name(), source.kind().code(), source.contactEmail(),
                source.terminatingProviderId(), key != null ? key.prefix() : source.apiKeyPrefix(), source.active(), source.acceptedCalls(),
                source.rejectedRows(), source.lastSeenAt(), source.createdAt(), key == null ? null : key.key());
    }
}
