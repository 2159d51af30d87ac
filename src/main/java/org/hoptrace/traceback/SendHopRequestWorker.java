package org.hoptrace.traceback;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.hoptrace.workflow.JobWorker;
import org.springframework.stereotype.Component;

/**
 * Job {@code traceback-send-hop-request}: the deadline as decided by hop-response-deadline.dmn, and
 * the request in the outbox. Returns the times the process's timers wait for.
 */
@Component
class SendHopRequestWorker {

    private final HopLifecycle hops;

    SendHopRequestWorker(HopLifecycle hops) {
        this.hops = hops;
    }

    /** The hop-response-deadline decision's result. */
    record DeadlineRule(String countFrom, Duration responseTime, Duration reminderBefore) {
    }

    record Input(UUID hopId, Instant requestedAt, Instant nextBusinessOpening, DeadlineRule deadlineRule) {
    }

    record Output(Instant deadline, Instant reminderAt) {
    }

    @JobWorker(type = "traceback-send-hop-request")
    Output send(Input input) {
        DeadlineRule rule = input.deadlineRule();
        Instant countFrom = switch (rule.countFrom()) {
            case "request" -> input.requestedAt();
            case "next-business-opening" -> input.nextBusinessOpening();
            default -> throw new IllegalArgumentException("hop-response-deadline gave countFrom '" + rule.countFrom()
                    + "'; expected request or next-business-opening");
        };
        Hop hop = hops.sendRequest(input.hopId(), countFrom, rule.responseTime(), rule.reminderBefore());
        return new Output(hop.deadline(), hop.reminderAt());
    }
}
