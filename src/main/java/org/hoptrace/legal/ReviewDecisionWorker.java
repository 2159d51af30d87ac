package org.hoptrace.legal;

import java.util.Map;
import java.util.UUID;

import org.hoptrace.workflow.JobWorker;
import org.springframework.stereotype.Component;

/** Job {@code legal-record-review}: the review's decision, reason and approved scope. */
@Component
class ReviewDecisionWorker {

    private final LegalRequestSteps steps;

    ReviewDecisionWorker(LegalRequestSteps steps) {
        this.steps = steps;
    }

    @JobWorker(type = "legal-record-review")
    void record(Map<String, Object> variables) {
        UUID id = UUID.fromString(String.valueOf(variables.get("legalRequestId")));
        String decision = String.valueOf(variables.get("decision"));
        ReviewScope narrowed = "narrow".equals(decision) ? ReviewCompletionCheck.narrowed(variables) : null;
        steps.recordReview(id, decision, String.valueOf(variables.get("reviewReason")), narrowed);
    }
}
