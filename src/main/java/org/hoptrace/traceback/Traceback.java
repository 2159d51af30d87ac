package org.hoptrace.traceback;

import java.time.Instant;
import java.util.UUID;

/** One investigation of one suspicious call, from the terminating provider back to the origin. */
public record Traceback(UUID id, String reference, String callingNumber, String calledNumber, Instant callTime,
                        String campaign, String attestation, String originationId, UUID terminatingProviderId,
                        Priority priority, Status status, Outcome outcome, String outcomeReason,
                        String processInstanceKey, String createdBy, Instant createdAt, Instant completedAt) {

    public enum Priority {
        NORMAL, URGENT;

        public String code() {
            return name().toLowerCase();
        }
    }

    public enum Status {
        OPEN, COMPLETED, CANCELLED;

        public String code() {
            return name().toLowerCase();
        }
    }

    /** How a traceback ended (../shared/DOMAIN.md). Codes are what the process and the API use. */
    public enum Outcome {
        ORIGIN_FOUND, FOREIGN_POINT_OF_ENTRY, NOT_FOUND, NON_RESPONSIVE, DEAD_END, CANCELLED;

        public String code() {
            return name().toLowerCase().replace('_', '-');
        }

        public static Outcome ofCode(String code) {
            return valueOf(code.toUpperCase().replace('-', '_'));
        }
    }
}
