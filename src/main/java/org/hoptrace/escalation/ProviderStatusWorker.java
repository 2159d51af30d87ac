package org.hoptrace.escalation;

import java.util.UUID;

import org.hoptrace.workflow.ActivatedJob;
import org.hoptrace.workflow.JobWorker;
import org.springframework.stereotype.Component;

/** Job {@code escalation-provider-status}: header {@code status} (watch, non-cooperative) becomes the provider's status. */
@Component
class ProviderStatusWorker {

    private final EscalationSteps steps;

    ProviderStatusWorker(EscalationSteps steps) {
        this.steps = steps;
    }

    record Input(UUID escalationId) {
    }

    @JobWorker(type = "escalation-provider-status")
    void set(Input input, ActivatedJob job) {
        steps.setProviderStatus(input.escalationId(), job.customHeaders().get("status"));
    }
}
