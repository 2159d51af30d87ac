package org.hoptrace.escalation;

import java.time.Instant;
import java.util.UUID;

/** A reason to escalate a provider: a non-responsive hop, or the nightly assessment. */
public record ProviderFlag(long id, UUID providerId, String reason, UUID hopId, Instant flaggedAt) {
}
