package org.hoptrace.campaign.detection;

import java.util.Set;
import java.util.UUID;

/**
 * What a detection run did: calls read (new ones and waiting ones looked at again), calls assigned to
 * campaigns, campaigns created, the campaigns that changed; {@code skipped} when another run held the lock.
 */
public record DetectionRun(boolean skipped, long newCalls, long assigned, int created, Set<UUID> changed,
                           long millis) {

    static DetectionRun skippedRun() {
        return new DetectionRun(true, 0, 0, 0, Set.of(), 0);
    }
}
