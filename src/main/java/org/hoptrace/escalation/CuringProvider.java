package org.hoptrace.escalation;

import java.sql.Timestamp;
import java.util.Map;

import org.hoptrace.traceback.HopAnswered;
import org.hoptrace.traceback.TracebackRepository;
import org.hoptrace.workflow.MessagePublication;
import org.hoptrace.workflow.PublishedMessage;
import org.hoptrace.workflow.WorkflowEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A warned provider cures its escalation by cooperating within the cure period: it has answered
 * since it was flagged and no hop is left waiting for its answer. Then the escalation hears
 * message {@value #COOPERATED} (correlation key = escalation id, once per escalation). Checked right
 * after an answer is committed, and by the intake's sweep as a fallback.
 */
@Service
class CuringProvider {

    /** Tells a running escalation in its cure period that the provider cooperated. */
    static final String COOPERATED = "provider-cooperated";
    private static final Logger log = LoggerFactory.getLogger(CuringProvider.class);

    private final EscalationRepository escalations;
    private final TracebackRepository tracebacks;
    private final WorkflowEngine engine;
    private final EscalationSettings settings;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate afterCommit;

    CuringProvider(EscalationRepository escalations, TracebackRepository tracebacks, WorkflowEngine engine,
                   EscalationSettings settings, JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.escalations = escalations;
        this.tracebacks = tracebacks;
        this.engine = engine;
        this.settings = settings;
        this.jdbc = jdbc;
        this.transactions = transactions;
        // after the answer's commit its connection is still bound to the thread: work in a transaction of its own
        this.afterCommit = new TransactionTemplate(transactions.getTransactionManager());
        this.afterCommit.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener
    void answered(HopAnswered answer) {
        try {
            afterCommit.executeWithoutResult(status -> escalations.running(answer.providerId())
                    .ifPresent(this::checkCured));
        } catch (RuntimeException failure) {
            log.warn("Could not check whether provider {} cured its escalation; the sweep checks again",
                    answer.providerId(), failure);
        }
    }

    /** Checks every escalation in its cure period; returns how many were cured now. */
    int sweep() {
        int cured = 0;
        for (Escalation escalation : escalations.runningAt(Ladder.WARNING)) {
            try {
                if (Boolean.TRUE.equals(transactions.execute(status -> checkCured(escalation)))) {
                    cured++;
                }
            } catch (RuntimeException failure) {
                log.warn("Could not check whether escalation {} is cured", escalation.reference(), failure);
            }
        }
        return cured;
    }

    private boolean checkCured(Escalation escalation) {
        if (!escalation.isRunning() || !Ladder.WARNING.equals(escalation.step())
                || !tracebacks.openHopsOf(escalation.providerId()).isEmpty()
                || !answeredSinceFlagged(escalation)) {
            return false;
        }
        PublishedMessage published = engine.publishMessage(MessagePublication.of(COOPERATED,
                        escalation.id().toString(), Map.of("curedBy", "answered every waiting hop"))
                .withTimeToLive(settings.curePeriod()).withMessageId("cooperated:" + escalation.id()));
        if (published.status() == PublishedMessage.Status.DUPLICATE) {
            return false;
        }
        escalations.addEvent(escalation.id(), "cooperated", "no hop is left waiting for the provider's answer", "hoptrace");
        log.info("Provider {} cooperated: escalation {} is cured", escalation.providerId(), escalation.reference());
        return true;
    }

    /** An answer received after the escalation's first flag: a provider that was never asked has not cured anything. */
    private boolean answeredSinceFlagged(Escalation escalation) {
        var flags = escalations.flags(escalation.id());
        var since = flags.isEmpty() ? escalation.startedAt() : flags.get(0).flaggedAt();
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from hop_answer a join hop h on h.hop_id = a.hop_id
                               where h.provider_id = ? and a.received_at >= ?)""",
                Boolean.class, escalation.providerId(), Timestamp.from(since)));
    }
}
