package org.hoptrace.campaign;

import java.util.List;
import java.util.UUID;

import org.hoptrace.workflow.JobWorker;
import org.springframework.stereotype.Component;

/** Job {@code campaign-send-alerts}: one email per agency the alert routing chose (see {@link CampaignAlerts}). */
@Component
class SendCampaignAlertsWorker {

    private final CampaignAlerts alerts;

    SendCampaignAlertsWorker(CampaignAlerts alerts) {
        this.alerts = alerts;
    }

    record Input(UUID campaignId, String threshold, List<String> agencyTypes, List<String> calledStates) {
    }

    record Sent(int agenciesAlerted) {
    }

    @JobWorker(type = "campaign-send-alerts")
    Sent send(Input input) {
        return new Sent(alerts.send(input.campaignId(), input.threshold(),
                input.agencyTypes() == null ? List.of() : input.agencyTypes(),
                input.calledStates() == null ? List.of() : input.calledStates()).size());
    }
}
