package org.hoptrace.legal;

import java.util.UUID;

import org.hoptrace.workflow.JobWorker;
import org.springframework.stereotype.Component;

/** Job {@code legal-assess-request}: what triage decides on (dmn/legal-request-triage.dmn). */
@Component
class AssessLegalRequestWorker {

    private final LegalRequestSteps steps;

    AssessLegalRequestWorker(LegalRequestSteps steps) {
        this.steps = steps;
    }

    record Input(UUID legalRequestId) {
    }

    record Output(String requestType, String authorityType, boolean complete, boolean emergency, String missing) {
    }

    @JobWorker(type = "legal-assess-request")
    Output assess(Input input) {
        LegalRequestSteps.Assessment a = steps.assess(input.legalRequestId());
        return new Output(a.requestType(), a.authorityType(), a.complete(), a.emergency(),
                a.missing().isEmpty() ? "nothing" : String.join(", ", a.missing()));
    }
}
