package org.hoptrace.legal;

import java.util.Map;
import java.util.UUID;

import org.hoptrace.workflow.JobWorker;
import org.springframework.stereotype.Component;

/**
 * Job {@code legal-record-triage}: stores the triage and the review due time, and gives the review form
 * what it shows (and empties the decision fields of an earlier review round).
 */
@Component
class TriageRecordWorker {

    private final LegalRequestSteps steps;
    private final ReviewFormVariables form;

    TriageRecordWorker(LegalRequestSteps steps, ReviewFormVariables form) {
        this.steps = steps;
        this.form = form;
    }

    record Input(UUID legalRequestId, String triage, String reviewSla, String triageRule) {
    }

    @JobWorker(type = "legal-record-triage")
    Map<String, Object> record(Input input) {
        var due = steps.recordTriage(input.legalRequestId(), input.triage(), input.reviewSla(), input.triageRule());
        return form.forReview(input.legalRequestId(), due);
    }
}
