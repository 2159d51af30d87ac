package org.hoptrace.campaign;

import java.util.List;
import java.util.UUID;

import org.hoptrace.workflow.JobWorker;
import org.springframework.stereotype.Component;

/** Job {@code campaign-start-tracebacks}: tracebacks on {@code traceCount} representative calls, once per threshold. */
@Component
class StartCampaignTracebacksWorker {

    private final CampaignTracebacks tracebacks;

    StartCampaignTracebacksWorker(CampaignTracebacks tracebacks) {
        this.tracebacks = tracebacks;
    }

    record Input(UUID campaignId, String threshold, int traceCount) {
    }

    record Started(List<String> tracebackIds, int tracebacksStarted) {
    }

    @JobWorker(type = "campaign-start-tracebacks")
    Started start(Input input) {
        List<String> ids = tracebacks.traceRepresentatives(input.campaignId(), input.threshold(), input.traceCount(),
                "campaign-review").stream().map(UUID::toString).toList();
        return new Started(ids, ids.size());
    }
}
