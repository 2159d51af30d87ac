package org.hoptrace.legal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.hoptrace.workflow.JobWorker;
import org.springframework.stereotype.Component;

/**
 * Job {@code legal-record-signoff}: the sign-off's outcome. Sent back to review, the request gets a new
 * review due time (its triage SLA from now) and the review form's decision fields are emptied.
 */
@Component
class SignOffWorker {

    private final LegalRequestSteps steps;

    SignOffWorker(LegalRequestSteps steps) {
        this.steps = steps;
    }

    record Input(UUID legalRequestId, String signOff, String signOffNote, String triageSla) {
    }

    @JobWorker(type = "legal-record-signoff")
    Map<String, Object> record(Input input) {
        steps.recordSignOff(input.legalRequestId(), input.signOff(), input.signOffNote());
        Map<String, Object> result = new LinkedHashMap<>();
        if ("return".equals(input.signOff())) {
            result.put("reviewDueAt", steps.reopenReview(input.legalRequestId(), input.triageSla()).toString());
            result.put("decision", "");
            result.put("reviewReason", "");
            result.put("clarificationQuestion", "");
        }
        return result;
    }
}
