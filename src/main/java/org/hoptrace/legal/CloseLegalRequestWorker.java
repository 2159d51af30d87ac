package org.hoptrace.legal;

import java.util.UUID;

import org.hoptrace.workflow.JobWorker;
import org.springframework.stereotype.Component;

/** Job {@code legal-close}: inputs {@code outcome} (released, rejected, abandoned) and {@code reason}. */
@Component
class CloseLegalRequestWorker {

    private final LegalRequestSteps steps;

    CloseLegalRequestWorker(LegalRequestSteps steps) {
        this.steps = steps;
    }

    record Input(UUID legalRequestId, String outcome, String reason) {
    }

    @JobWorker(type = "legal-close")
    void close(Input input) {
        steps.close(input.legalRequestId(), input.outcome(), input.reason());
    }
}
