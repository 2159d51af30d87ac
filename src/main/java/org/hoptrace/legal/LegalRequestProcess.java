package org.hoptrace.legal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.hoptrace.workflow.MessagePublication;
import org.hoptrace.workflow.NotFoundException;
import org.hoptrace.workflow.WorkflowEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts and steers the process of a legal request (bpmn/legal-request.bpmn, docs/legal-requests.md).
 * The agency's answers and withdrawals come in through here; the decisions are taken in the process.
 */
@Component
public class LegalRequestProcess {

    static final String PROCESS_ID = "legal-request";
    static final String CLARIFICATION_ANSWERED = "legal-clarification-answered";
    /** How long an answer published a moment before the process waits for it is kept (Camunda 8 buffering). */
    private static final Duration ANSWER_TIME_TO_LIVE = Duration.ofHours(1);

    private final WorkflowEngine engine;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String clarificationTimeout;

    LegalRequestProcess(WorkflowEngine engine, JdbcTemplate jdbc, Clock clock,
                        @Value("${hoptrace.legal.clarification-timeout:P30D}") String clarificationTimeout) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.clock = clock;
        Duration.parse(clarificationTimeout);   // an ISO-8601 duration, kept as written for the process and the notices
        this.clarificationTimeout = clarificationTimeout;
    }

    /** Starts the request's process; call it in the transaction that stored the request. */
    @Transactional
    public void start(UUID legalRequestId) {
        String key = engine.startProcess(PROCESS_ID, Map.of("legalRequestId", legalRequestId.toString(),
                "clarificationTimeout", clarificationTimeout)).processInstanceKey();
        jdbc.update("update legal_request set process_instance_key = ? where legal_request_id = ?", key, legalRequestId);
    }

    /**
     * The agency answered the open clarification question (its answer is stored by the caller).
     *
     * @throws ReviewStateException when the request is not waiting for an answer
     */
    @Transactional
    public void clarificationAnswered(UUID legalRequestId) {
        String step = state(legalRequestId);
        if (!"clarification".equals(step)) {
            throw new ReviewStateException("legal request " + legalRequestId + " is not waiting for an answer (step " + step + ")");
        }
        int answers = jdbc.queryForObject("""
                select count(*) from legal_request_message where legal_request_id = ? and kind = 'clarification-answer'""",
                Integer.class, legalRequestId);
        engine.publishMessage(MessagePublication.of(CLARIFICATION_ANSWERED, legalRequestId.toString(), Map.of())
                .withTimeToLive(ANSWER_TIME_TO_LIVE).withMessageId(legalRequestId + ":answer:" + answers));
    }

    /**
     * The agency withdrew the request: its process ends wherever it is and the request is closed as
     * withdrawn (the caller records the audit entry and the notice).
     *
     * @throws ReviewStateException when the request is closed already
     */
    @Transactional
    public void withdraw(UUID legalRequestId, String actor, String reason) {
        state(legalRequestId);
        String key = jdbc.queryForObject("select process_instance_key from legal_request where legal_request_id = ?",
                String.class, legalRequestId);
        if (key != null) {
            try {
                engine.cancelProcessInstance(key);
            } catch (NotFoundException ended) {
                // the process ended on its own a moment ago; the request row below decides
            }
        }
        Timestamp now = Timestamp.from(clock.instant());
        int closed = jdbc.update("""
                update legal_request set status = 'closed', outcome = 'withdrawn', outcome_reason = ?, step = 'closed',
                       closed_at = ?, updated_at = ? where legal_request_id = ? and status = 'open'""",
                reason, now, now, legalRequestId);
        if (closed == 0) {
            throw new ReviewStateException("legal request " + legalRequestId + " is closed already");
        }
    }

    /** The request's step, locking its row; refuses a closed or unknown request. */
    private String state(UUID legalRequestId) {
        var rows = jdbc.queryForList("select status, step from legal_request where legal_request_id = ? for update",
                legalRequestId);
        if (rows.isEmpty()) {
            throw new UnknownReviewCaseException(legalRequestId.toString());
        }
        if (!"open".equals(rows.get(0).get("status"))) {
            throw new ReviewStateException("legal request " + legalRequestId + " is closed already");
        }
        return (String) rows.get(0).get("step");
    }
}
