package org.hoptrace.calls;

import java.time.Instant;
import java.util.UUID;

/**
 * A registered data source (carrier, blocking app, complaint feed) and its ingestion status.
 *
 * @param apiKeyPrefix          the visible start of its API key (the HTTP Basic user name), null if none issued
 * @param terminatingProviderId the registered provider that terminates the source's calls: automatic tracebacks
 *                              of its calls ask it first (null: hoptrace.campaign.default-terminating-provider)
 */
public record CallSource(UUID id, String name, Kind kind, String contactEmail, String apiKeyPrefix, boolean active,
                         long acceptedCalls, long rejectedRows, Instant lastSeenAt, Instant createdAt,
                         UUID terminatingProviderId) {

    /** What kind of source it is. */
    public enum Kind {
        CARRIER("carrier"), BLOCKING_APP("blocking-app"), COMPLAINTS("complaints"), OTHER("other");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** The kind with this code (case-insensitive). */
        public static Kind ofCode(String code) {
            for (Kind kind : values()) {
                if (kind.code.equalsIgnoreCase(code.strip())) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("choose one of carrier, blocking-app, complaints, other");
        }
    }
}
