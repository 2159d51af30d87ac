package org.hoptrace.traceback;

import java.util.UUID;

/**
 * Published (Spring application event) when a provider's answer to a hop is recorded, on time or
 * late. Listeners that act on it after the answer is committed use
 * {@code @TransactionalEventListener}.
 */
public record HopAnswered(UUID hopId, UUID providerId, boolean late) {
}
