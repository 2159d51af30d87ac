package org.hoptrace.escalation;

import java.util.UUID;

import org.hoptrace.workflow.JobWorker;
import org.springframework.stereotype.Component;

/** Job {@code escalation-record-flag}: flags joined the running escalation (message provider-flagged); recorded once each. */
@Component
class RecordFlagWorker {

    private final EscalationSteps steps;

    RecordFlagWorker(EscalationSteps steps) {
        this.steps = steps;
    }

    record Input(UUID escalationId) {
    }

    @JobWorker(type = "escalation-record-flag")
    void record(Input input) {
        steps.recordJoinedFlags(input.escalationId());
    }
}
