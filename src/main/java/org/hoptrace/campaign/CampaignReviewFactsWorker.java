package org.hoptrace.campaign;

import java.util.UUID;

import org.hoptrace.workflow.JobWorker;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Job {@code campaign-review-facts}: what the review form shows about the campaign. */
@Component
class CampaignReviewFactsWorker {

    private final CampaignRepository campaigns;
    private final String baseUrl;

    CampaignReviewFactsWorker(CampaignRepository campaigns, @Value("${hoptrace.base-url}") String baseUrl) {
        this.campaigns = campaigns;
        this.baseUrl = baseUrl;
    }

    record Input(UUID campaignId) {
    }

    record Facts(String campaignReference, String campaignName, String campaignSummary, String campaignUrl) {
    }

    @JobWorker(type = "campaign-review-facts")
    Facts facts(Input input) {
        Campaign campaign = campaigns.get(input.campaignId());
        return new Facts(campaign.reference(), campaign.name(), Summaries.of(campaign),
                baseUrl + "/campaigns/" + campaign.id());
    }
}
