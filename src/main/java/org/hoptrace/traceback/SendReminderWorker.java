package org.hoptrace.traceback;

import java.util.UUID;

import org.hoptrace.workflow.JobWorker;
import org.springframework.stereotype.Component;

/** Job {@code traceback-send-reminder}: reminds a provider that has not answered yet. */
@Component
class SendReminderWorker {

    private final HopLifecycle hops;

    SendReminderWorker(HopLifecycle hops) {
        this.hops = hops;
    }

    record Input(UUID hopId) {
    }

    @JobWorker(type = "traceback-send-reminder")
    void remind(Input input) {
        hops.remind(input.hopId());
    }
}
