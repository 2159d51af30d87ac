package org.hoptrace.campaign;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hoptrace.workflow.WorkflowEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides dmn/campaign-priority.dmn for every campaign detection changed and acts on a threshold once: the first
 * time a campaign is at a threshold, a row in campaign_threshold_crossing (primary key campaign and threshold) and
 * a campaign-review process are created in one transaction. More calls, another update, a second event for the same
 * campaign: the row exists, nothing happens. A campaign at a new (higher) threshold: acted on once more.
 */
@Component
class CampaignThresholds {

    static final String PROCESS_ID = "campaign-review";
    private static final Logger log = LoggerFactory.getLogger(CampaignThresholds.class);

    private final CampaignRepository campaigns;
    private final WorkflowEngine engine;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CampaignSettings settings;
    private final TransactionTemplate newTransaction;

    CampaignThresholds(CampaignRepository campaigns, WorkflowEngine engine, JdbcTemplate jdbc, Clock clock,
                       CampaignSettings settings, PlatformTransactionManager transactions) {
        this.campaigns = campaigns;
        this.engine = engine;
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** After the detection run's commit (or at once when it was published outside a transaction). */
    @TransactionalEventListener(fallbackExecution = true)
    void campaignsUpdated(CampaignsUpdated event) {
        if (!settings.thresholds()) {
            return;
        }
        for (UUID id : event.campaignIds().stream().sorted().toList()) {
            try {
                decide(id);
            } catch (RuntimeException failed) {
                // the next update of the campaign decides it again; the others go ahead meanwhile
                log.warn("Could not decide the priority of campaign {}: {}", id, failed.toString(), failed);
            }
        }
    }

    /** Decides one campaign; returns the threshold acted on, empty when there was nothing (new) to do. */
    Optional<Priority> decide(UUID campaignId) {
        return newTransaction.execute(status -> {
            Optional<Campaign> campaign = campaigns.find(campaignId);
            if (campaign.isEmpty()) {
                return Optional.empty();
            }
            Priority priority = Priority.of(engine.evaluateDecision(Priority.DECISION_ID, Priority.inputs(campaign.get())));
            if (!priority.actsOn()) {
                return Optional.empty();
            }
            int inserted = jdbc.update("""
                    insert into campaign_threshold_crossing (campaign_id, threshold, action, crossed_at) values (?, ?, ?, ?)
                    on conflict (campaign_id, threshold) do nothing""", campaignId, priority.threshold(), priority.action(),
                    Timestamp.from(clock.instant()));
            if (inserted == 0) {
                return Optional.empty();
            }
            String instance = engine.startProcess(PROCESS_ID, Map.of("campaignId", campaignId.toString(),
                    "threshold", priority.threshold(), "action", priority.action(),
                    "traceCount", priority.traceCount())).processInstanceKey();
            jdbc.update("update campaign_threshold_crossing set process_instance_key = ? where campaign_id = ? and threshold = ?",
                    instance, campaignId, priority.threshold());
            campaigns.event(campaignId, "threshold", "crossed threshold %s at %d calls: %s".formatted(priority.threshold(),
                    campaign.get().callCount(), priority.action()), "hoptrace");
            return Optional.of(priority);
        });
    }
}
