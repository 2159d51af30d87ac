package org.hoptrace.campaign;

import java.util.UUID;

import org.hoptrace.workflow.JobWorker;
import org.springframework.stereotype.Component;

/**
 * Job {@code campaign-record-review}: the staff decision sets the campaign's status (trace: tracing, watch: watch,
 * dismiss: dismissed) and goes into its history with the reason.
 */
@Component
class RecordCampaignReviewWorker {

    private final CampaignRepository campaigns;

    RecordCampaignReviewWorker(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    record Input(UUID campaignId, String decision, String reviewReason) {
    }

    @JobWorker(type = "campaign-record-review")
    void record(Input input) {
        Campaign.Status status = switch (input.decision() == null ? "" : input.decision()) {
            case "trace" -> Campaign.Status.TRACING;
            case "watch" -> Campaign.Status.WATCH;
            case "dismiss" -> Campaign.Status.DISMISSED;
            default -> throw new IllegalArgumentException("the review decision is trace, watch or dismiss; not '"
                    + input.decision() + "'");
        };
        campaigns.setStatus(input.campaignId(), status);
        campaigns.event(input.campaignId(), "review", input.decision() + ": " + input.reviewReason(), "itg-staff");
    }
}
