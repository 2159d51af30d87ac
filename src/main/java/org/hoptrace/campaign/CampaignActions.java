package org.hoptrace.campaign;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What staff do to a campaign from its page or the API: rename it, watch or dismiss it, start tracebacks. */
@Service
class CampaignActions {

    static final int MAX_NAME = 200;
    static final int MAX_TRACES = 20;

    private final CampaignRepository campaigns;
    private final CampaignTracebacks tracebacks;

    CampaignActions(CampaignRepository campaigns, CampaignTracebacks tracebacks) {
        this.campaigns = campaigns;
        this.tracebacks = tracebacks;
    }

    /** Changes the name and/or status (new, watch, dismissed); null leaves a field as it is. */
    @Transactional
    Campaign change(UUID id, String name, String status, String actor) {
        Campaign campaign = campaigns.get(id);
        Map<String, String> problems = new LinkedHashMap<>();
        String newName = name == null ? null : name.strip();
        if (newName != null && (newName.isEmpty() || newName.length() > MAX_NAME)) {
            problems.put("name", "name is 1 to %d characters".formatted(MAX_NAME));
        }
        Campaign.Status newStatus = null;
        if (status != null) {
            if (!List.of("new", "watch", "dismissed").contains(status.strip())) {
                problems.put("status", "staff set the status to new, watch or dismissed; not '" + status + "' "
                        + "(tracing is set by starting tracebacks)");
            } else {
                newStatus = Campaign.Status.ofCode(status.strip());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCampaignRequestException(problems);
        }
        if (newName != null && !newName.equals(campaign.name())) {
            campaigns.rename(id, newName);
            campaigns.event(id, "renamed", "from '" + campaign.name() + "' to '" + newName + "'", actor);
        }
        if (newStatus != null && newStatus != campaign.status()) {
            campaigns.setStatus(id, newStatus);
            campaigns.event(id, "status", campaign.status().code() + " -> " + newStatus.code(), actor);
        }
        return campaigns.get(id);
    }

    /** Traces one call (callId) or {@code count} representative calls not traced before. */
    @Transactional
    List<UUID> trace(UUID id, Long callId, Integer count, String actor) {
        if (callId != null) {
            return List.of(tracebacks.traceCall(id, callId, actor).id());
        }
        int n = count == null ? 1 : count;
        if (n < 1 || n > MAX_TRACES) {
            throw new InvalidCampaignRequestException(Map.of("count", "count is 1 to " + MAX_TRACES));
        }
        Campaign campaign = campaigns.get(id);
        List<UUID> opened = tracebacks.traceRepresentatives(id, CampaignTracebacks.STAFF, n, actor);
        if (opened.isEmpty()) {
            throw new CampaignStateException("campaign " + campaign.reference() + " has no call left to trace: every call "
                    + "is traced already, lacks its numbers, is older than 18 months or has no known terminating provider");
        }
        return opened;
    }
}
