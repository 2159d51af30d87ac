package org.hoptrace.legal;

import java.util.Map;
import java.util.UUID;

import org.hoptrace.workflow.MessagePublication;
import org.hoptrace.workflow.WorkflowEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Starts and steers the process of a legal request (bpmn/legal-request.bpmn). */
@Component
public class LegalRequestProcess {

    static final String PROCESS_ID = "legal-request";
    static final String CLARIFICATION_ANSWERED = "legal-clarification-answered";

    private final WorkflowEngine engine;
    private final JdbcTemplate jdbc;

    LegalRequestProcess(WorkflowEngine engine, JdbcTemplate jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
    }

    /** Starts the request's process; call it in the transaction that stored the request. */
    @Transactional
    public void start(UUID legalRequestId) {
        String key = engine.startProcess(PROCESS_ID, Map.of("legalRequestId", legalRequestId.toString()))
                .processInstanceKey();
        jdbc.update("update legal_request set process_instance_key = ? where legal_request_id = ?", key, legalRequestId);
    }

    /** The agency answered the open clarification question. */
    public void clarificationAnswered(UUID legalRequestId) {
        engine.publishMessage(MessagePublication.of(CLARIFICATION_ANSWERED, legalRequestId.toString(), Map.of()));
    }

    /** The agency withdrew the request: its process ends wherever it is. */
    @Transactional
    public void withdraw(UUID legalRequestId, String actor, String reason) {
        String key = jdbc.queryForObject("select process_instance_key from legal_request where legal_request_id = ?",
                String.class, legalRequestId);
        if (key != null) {
            engine.cancelProcessInstance(key);
        }
        jdbc.update("""
                update legal_request set status = 'closed', outcome = 'withdrawn', outcome_reason = ?, step = 'closed',
                       closed_at = now(), updated_at = now() where legal_request_id = ?""", reason, legalRequestId);
    }
}
