package org.hoptrace.campaign;

import java.util.List;
import java.util.Map;

/**
 * What dmn/campaign-priority.dmn decided for a campaign: the threshold it is at (null below every threshold),
 * the action (review, auto-trace or none) and how many representative calls to trace.
 */
record Priority(String threshold, String action, int traceCount) {

    static final String DECISION_ID = "campaign-priority";
    static final Priority NONE = new Priority(null, "none", 0);

    /** The inputs of the decision for a campaign as it stands. */
    static Map<String, Object> inputs(Campaign campaign) {
        java.util.HashMap<String, Object> inputs = new java.util.HashMap<>();
        inputs.put("campaignStatus", campaign.status().code());
        inputs.put("callVolume", campaign.callCount());
        inputs.put("calls24h", campaign.calls24h());
        inputs.put("growth", campaign.growth().doubleValue());
        inputs.put("category", campaign.category());
        inputs.put("attestationAShare", campaign.attestationAShare());
        return inputs;
    }

    /** The decision's result (FIRST: at most one row). */
    static Priority of(List<Map<String, Object>> result) {
        if (result.isEmpty()) {
            return NONE;
        }
        Map<String, Object> row = result.get(0);
        Object threshold = row.get("threshold");
        Object action = row.get("action");
        Object count = row.get("traceCount");
        return new Priority(threshold == null ? null : threshold.toString(), action == null ? "none" : action.toString(),
                count instanceof Number n ? n.intValue() : 0);
    }

    boolean actsOn() {
        return threshold != null && ("review".equals(action) || "auto-trace".equals(action));
    }
}
