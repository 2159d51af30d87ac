package org.hoptrace.escalation;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * One escalation of a non-cooperative provider (docs/escalation.md): where it stands on the ladder
 * ({@code step}, and when that step's period ends), and how it ended.
 */
public record Escalation(UUID id, String reference, UUID providerId, Status status, String step, Instant stepDueAt,
                         Outcome outcome, String outcomeReason, String processInstanceKey, Instant startedAt,
                         Instant closedAt) {

    public enum Status {
        RUNNING, CLOSED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Outcome {
        CURED, DOWNGRADED, CLOSED_BY_STAFF, LADDER_COMPLETED, CANCELLED;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Outcome ofCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public boolean isRunning() {
        return status == Status.RUNNING;
    }
}
