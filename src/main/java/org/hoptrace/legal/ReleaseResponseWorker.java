package org.hoptrace.legal;

import java.util.UUID;

import org.hoptrace.workflow.JobWorker;
import org.springframework.stereotype.Component;

/** Job {@code legal-release}: the signed-off response becomes downloadable and the agency is told. */
@Component
class ReleaseResponseWorker {

    private final LegalRequestSteps steps;

    ReleaseResponseWorker(LegalRequestSteps steps) {
        this.steps = steps;
    }

    record Input(UUID legalRequestId) {
    }

    @JobWorker(type = "legal-release")
    void release(Input input) {
        steps.release(input.legalRequestId());
    }
}
