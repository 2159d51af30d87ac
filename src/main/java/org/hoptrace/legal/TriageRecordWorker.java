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

    /** The decision's result: dmn/legal-request-triage.dmn's outputs. */
    record TriageResult(String triage, String reviewSla, String rule) {
    }

    record Input(UUID legalRequestId, TriageResult triageResult) {
    }

    @JobWorker(type = "legal-record-triage")
    Map<String, Object> record(Input input) {
        TriageResult triage = input.triageResult();
        var due = steps.recordTriage(input.legalRequestId(), triage.triage(), triage.reviewSla(), triage.rule());
        Map<String, Object> variables = form.forReview(input.legalRequestId(), due);
        variables.put("triageSla", triage.reviewSla());   // for a new due time when a sign-off sends the request back
        return variables;
    }
}
