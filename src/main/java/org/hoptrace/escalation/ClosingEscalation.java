package org.hoptrace.escalation;

import java.util.UUID;

import org.hoptrace.workflow.NotFoundException;
import org.hoptrace.workflow.WorkflowEngine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff close a running escalation: its process instance is cancelled, the outcome is closed-by-staff. */
@Service
class ClosingEscalation {

    static final int MAX_REASON = 500;

    private final EscalationRepository escalations;
    private final WorkflowEngine engine;

    ClosingEscalation(EscalationRepository escalations, WorkflowEngine engine) {
        this.escalations = escalations;
        this.engine = engine;
    }

    @Transactional
    Escalation close(UUID escalationId, String reason, String closedBy) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidEscalationRequestException("reason", "say why the escalation is closed");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new InvalidEscalationRequestException("reason", "at most " + MAX_REASON + " characters");
        }
        Escalation escalation = escalations.get(escalationId);
        if (!escalation.isRunning()) {
            throw new EscalationStateException("escalation " + escalation.reference() + " has ended already ("
                    + escalation.outcome().code() + ")");
        }
        if (escalation.processInstanceKey() != null) {
            try {
                engine.cancelProcessInstance(escalation.processInstanceKey());
            } catch (NotFoundException endedMeanwhile) {
                throw new EscalationStateException("escalation " + escalation.reference() + " ended meanwhile");
            }
        }
        escalations.close(escalationId, Escalation.Outcome.CLOSED_BY_STAFF, reason.strip());
        escalations.addEvent(escalationId, "closed", "closed-by-staff: " + reason.strip(), closedBy);
        return escalations.get(escalationId);
    }
}
