package org.hoptrace.escalation;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.hoptrace.workflow.MessagePublication;
import org.hoptrace.workflow.WorkflowEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns provider flags into escalations, one flag per transaction: a flag starts the provider's
 * escalation (row and process instance together), or joins the running one with message
 * {@value #FLAGGED}. Either way the flag is marked handled in the same transaction, so a crash
 * leaves it to be picked up again and a flag is never handled twice.
 */
@Service
class FlagIntake {

    /** Published to a running escalation when another flag joins it; correlation key = escalation id. */
    static final String FLAGGED = "provider-flagged";
    /** The BPMN process id of bpmn/provider-escalation.bpmn. */
    static final String PROCESS_ID = "provider-escalation";
    private static final Duration FLAGGED_TIME_TO_LIVE = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(FlagIntake.class);

    private final EscalationRepository escalations;
    private final WorkflowEngine engine;
    private final EscalationSettings settings;
    private final TransactionTemplate transactions;

    FlagIntake(EscalationRepository escalations, WorkflowEngine engine, EscalationSettings settings,
               TransactionTemplate transactions) {
        this.escalations = escalations;
        this.engine = engine;
        this.settings = settings;
        this.transactions = transactions;
    }

    /**
     * Handles every unhandled flag; returns how many. A flag that fails stays unhandled for the next
     * sweep and is passed over for the rest of this one, so it does not hold back the flags behind it.
     */
    int handleAll() {
        int handled = 0;
        Set<Long> failed = new HashSet<>();
        while (true) {
            AtomicReference<ProviderFlag> claimed = new AtomicReference<>();
            Optional<Long> flag;
            try {
                flag = transactions.execute(status -> escalations.claimUnhandledFlag(failed).map(claimedFlag -> {
                    claimed.set(claimedFlag);
                    return handle(claimedFlag);
                }));
            } catch (RuntimeException failure) {
                if (claimed.get() == null) {
                    log.error("Provider flags could not be read; the next sweep tries again", failure);
                    return handled;
                }
                log.error("Provider flag {} ({}) could not be handled; the next sweep tries it again",
                        claimed.get().id(), claimed.get().reason(), failure);
                failed.add(claimed.get().id());
                continue;
            }
            if (flag == null || flag.isEmpty()) {
                return handled;
            }
            handled++;
        }
    }

    private long handle(ProviderFlag flag) {
        Optional<Escalation> running = escalations.running(flag.providerId());
        if (running.isEmpty()) {
            Optional<Escalation> created = escalations.insertRunning(flag.providerId(), Ladder.WARNING);
            if (created.isPresent()) {
                start(created.get(), flag);
                return flag.id();
            }
            // another transaction started the provider's escalation meanwhile (the unique index let
            // our insert wait for it and do nothing): join that one
            running = escalations.running(flag.providerId());
        }
        Escalation escalation = running.orElseThrow(() -> new IllegalStateException(
                "provider " + flag.providerId() + " has no running escalation to join"));
        engine.publishMessage(MessagePublication.of(FLAGGED, escalation.id().toString(),
                        Map.of("flagId", flag.id(), "flagReason", flag.reason()))
                .withTimeToLive(FLAGGED_TIME_TO_LIVE).withMessageId("flag:" + flag.id()));
        escalations.markFlagHandled(flag.id(), escalation.id());
        log.info("Flag {} ({}) joins escalation {}", flag.id(), flag.reason(), escalation.reference());
        return flag.id();
    }

    private void start(Escalation escalation, ProviderFlag flag) {
        String instance = engine.startProcess(PROCESS_ID, Map.of(
                "escalationId", escalation.id().toString(),
                "providerId", escalation.providerId().toString(),
                "curePeriod", settings.curePeriod().toString())).processInstanceKey();
        escalations.setProcessInstance(escalation.id(), instance);
        escalations.markFlagHandled(flag.id(), escalation.id());
        escalations.addFlagEvent(escalation.id(), "opened", "started by flag " + flag.id() + " (" + flag.reason() + ")",
                flag.id());
        log.info("Flag {} ({}) starts escalation {}", flag.id(), flag.reason(), escalation.reference());
    }
}
