package org.hoptrace.traceback;

import java.time.Instant;
import java.util.UUID;

/** One provider asked, within a deadline, who handed it the call. */
public record Hop(UUID id, UUID tracebackId, int number, UUID providerId, Status status, Instant requestedAt,
                  Instant deadline, Instant reminderAt, Instant remindedAt, Instant answeredAt, int requestCount) {

    public enum Status {
        REQUESTED, ANSWERED, NON_RESPONSIVE, CANCELLED;

        public String code() {
            return name().toLowerCase().replace('_', '-');
        }

        public static Status ofCode(String code) {
            return valueOf(code.toUpperCase().replace('-', '_'));
        }
    }

    /** Past its deadline without an answer, at {@code now}. */
    public boolean overdueAt(Instant now) {
        return status == Status.REQUESTED && deadline != null && now.isAfter(deadline);
    }
}
