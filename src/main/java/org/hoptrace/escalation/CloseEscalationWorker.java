package org.hoptrace.escalation;

import java.util.UUID;

import org.hoptrace.workflow.JobWorker;
import org.springframework.stereotype.Component;

/** Job {@code escalation-close}: inputs {@code outcome} (cured, downgraded, closed-by-staff, ladder-completed) and {@code reason}. */
@Component
class CloseEscalationWorker {

    private final EscalationSteps steps;

    CloseEscalationWorker(EscalationSteps steps) {
        this.steps = steps;
    }

    record Input(UUID escalationId, String outcome, String reason) {
    }

    @JobWorker(type = "escalation-close")
    void close(Input input) {
        steps.close(input.escalationId(), Escalation.Outcome.ofCode(input.outcome()), input.reason());
    }
}
