package org.hoptrace.traceback;

import java.util.UUID;

import org.hoptrace.workflow.JobWorker;
import org.springframework.stereotype.Component;

/** Job {@code traceback-close}: records the outcome hop-response-routing.dmn chose. */
@Component
class CloseTracebackWorker {

    private final HopLifecycle hops;

    CloseTracebackWorker(HopLifecycle hops) {
        this.hops = hops;
    }

    record Input(UUID tracebackId, String outcome) {
    }

    @JobWorker(type = "traceback-close")
    void close(Input input) {
        hops.close(input.tracebackId(), Traceback.Outcome.ofCode(input.outcome()));
    }
}
