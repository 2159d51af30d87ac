package org.hoptrace.traceback;

import java.util.UUID;

import org.hoptrace.workflow.JobWorker;
import org.springframework.stereotype.Component;

/** Job {@code traceback-mark-non-responsive}: the deadline passed without an answer. */
@Component
class MarkNonResponsiveWorker {

    private final HopLifecycle hops;

    MarkNonResponsiveWorker(HopLifecycle hops) {
        this.hops = hops;
    }

    record Input(UUID hopId) {
    }

    @JobWorker(type = "traceback-mark-non-responsive")
    void mark(Input input) {
        hops.markNonResponsive(input.hopId());
    }
}
