package org.hoptrace.legal;

import java.util.UUID;

import org.hoptrace.workflow.JobWorker;
import org.springframework.stereotype.Component;

/** Job {@code legal-ask-clarification}: the reviewer's question goes to the agency (message and email). */
@Component
class ClarificationQuestionWorker {

    private final LegalRequestSteps steps;

    ClarificationQuestionWorker(LegalRequestSteps steps) {
        this.steps = steps;
    }

    record Input(UUID legalRequestId, String clarificationQuestion) {
    }

    @JobWorker(type = "legal-ask-clarification")
    void ask(Input input) {
        steps.askClarification(input.legalRequestId(), input.clarificationQuestion());
    }
}
