package org.hoptrace.escalation;

import java.util.UUID;

import org.hoptrace.workflow.JobWorker;
import org.springframework.stereotype.Component;

/** Job {@code escalation-record-review}: the staff review's decision and reason go into the escalation's history. */
@Component
class RecordReviewWorker {

    private final EscalationSteps steps;

    RecordReviewWorker(EscalationSteps steps) {
        this.steps = steps;
    }

    record Input(UUID escalationId, String decision, String reviewReason) {
    }

    @JobWorker(type = "escalation-record-review")
    void record(Input input) {
        steps.recordReview(input.escalationId(), input.decision(), input.reviewReason());
    }
}
