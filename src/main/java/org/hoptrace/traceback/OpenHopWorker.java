package org.hoptrace.traceback;

import java.time.Instant;
import java.util.UUID;

import org.hoptrace.workflow.JobWorker;
import org.springframework.stereotype.Component;

/** Job {@code traceback-open-hop}: creates the hop to ask and tells the deadline decision about business hours. */
@Component
class OpenHopWorker {

    private final HopLifecycle hops;

    OpenHopWorker(HopLifecycle hops) {
        this.hops = hops;
    }

    /** {@code hopId} is the previous hop, if any. */
    record Input(UUID tracebackId, UUID hopId, UUID reopenHopId) {
    }

    record Output(String hopId, int hopNumber, String providerId, Instant requestedAt, boolean withinBusinessHours,
                  Instant nextBusinessOpening) {
    }

    @JobWorker(type = "traceback-open-hop")
    Output open(Input input) {
        Hop hop = hops.open(input.tracebackId(), input.hopId(), input.reopenHopId());
        return new Output(hop.id().toString(), hop.number(), hop.providerId().toString(), hop.requestedAt(),
                hops.withinBusinessHours(hop.requestedAt()), hops.nextBusinessOpening(hop.requestedAt()));
    }
}
