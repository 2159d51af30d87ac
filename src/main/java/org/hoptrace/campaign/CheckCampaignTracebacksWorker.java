package org.hoptrace.campaign;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hoptrace.workflow.JobWorker;
import org.springframework.stereotype.Component;

/**
 * Job {@code campaign-check-tracebacks}: have the threshold's tracebacks all ended, how many found an origin (or
 * the foreign point of entry); and the campaign's category and called states, the alert decision's inputs.
 */
@Component
class CheckCampaignTracebacksWorker {

    private final CampaignTracebacks tracebacks;
    private final CampaignRepository campaigns;

    CheckCampaignTracebacksWorker(CampaignTracebacks tracebacks, CampaignRepository campaigns) {
        this.tracebacks = tracebacks;
        this.campaigns = campaigns;
    }

    record Input(UUID campaignId, String threshold) {
    }

    @JobWorker(type = "campaign-check-tracebacks")
    Map<String, Object> check(Input input) {
        List<CampaignTraceback> started = tracebacks.of(input.campaignId(), input.threshold());
        Campaign campaign = campaigns.get(input.campaignId());
        Map<String, Object> result = new HashMap<>();
        result.put("allEnded", started.stream().allMatch(CampaignTraceback::ended));
        result.put("originsFound", started.stream().filter(CampaignTraceback::foundOrigin).count());
        result.put("category", campaign.category());
        result.put("calledStates", campaign.statesByVolume());
        result.put("calledStatesKnown", !campaign.calledStates().isEmpty());
        return result;
    }
}
