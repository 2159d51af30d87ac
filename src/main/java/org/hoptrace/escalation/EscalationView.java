package org.hoptrace.escalation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** An escalation as the API shows it; {@code events} and {@code flags} only for a single escalation. */
@Schema(name = "Escalation")
record EscalationView(UUID id, String reference, UUID providerId, String providerName,
                      @Schema(description = "running or closed") String status,
                      @Schema(description = "current step of the ladder: warning, review, referral, cease-and-desist, "
                              + "public-notice, initial-determination, final-determination, rmd-removal") String step,
                      @Schema(description = "when the current step's period ends") Instant stepDueAt,
                      @Schema(description = "cured, downgraded, closed-by-staff, ladder-completed, cancelled") String outcome,
                      String outcomeReason, Instant startedAt, Instant closedAt, String scorecardUrl,
                      List<Flag> flags, List<Event> events) {

    record Flag(long id, String reason, UUID hopId, Instant flaggedAt) {
    }

    record Event(Instant happenedAt, String kind, String detail, String actor) {
    }
}
