package org.hoptrace.legal;

import java.util.UUID;

import org.hoptrace.workflow.JobWorker;
import org.springframework.stereotype.Component;

/** Job {@code legal-escalate-review}: the review is past its SLA; the legal supervisors are told. */
@Component
class ReviewEscalationWorker {

    private final LegalRequestSteps steps;
    private final ReviewFormVariables form;

    ReviewEscalationWorker(LegalRequestSteps steps, ReviewFormVariables form) {
        this.steps = steps;
        this.form = form;
    }

    record Input(UUID legalRequestId) {
    }

    @JobWorker(type = "legal-escalate-review")
    void escalate(Input input) {
        steps.escalateReview(input.legalRequestId(), form.consoleUrl(input.legalRequestId()));
    }
}
