package org.hoptrace.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** A campaign as the API shows it. */
@Schema(name = "Campaign")
record CampaignView(UUID id, String reference, String name, String category, String status, Instant firstSeen,
                    Instant lastSeen, long callCount,
                    @Schema(description = "Calls in the 24 hours up to now") long calls24h,
                    @Schema(description = "Calls in the 24 hours before those") long callsPrevious24h,
                    @Schema(description = "calls24h / callsPrevious24h, the latter taken as at least 1") BigDecimal growth,
                    long distinctCallingNumbers, Map<String, Long> attestation,
                    @Schema(description = "Called parties' states (USPS code) and their calls") Map<String, Long> calledStates,
                    List<String> callbackNumbers, String representativeTranscript,
                    @Schema(description = "Thresholds of dmn/campaign-priority.dmn crossed; only in the detail") List<Threshold> thresholds,
                    @Schema(description = "Tracebacks started for the campaign; only in the detail") List<TracebackRef> tracebacks) {

    record Threshold(String threshold, String action, Instant crossedAt, String processInstanceKey) {
    }

    record TracebackRef(UUID tracebackId, String reference, String threshold, long callId, String status, String outcome,
                        String providerChain, String originProvider) {
    }

    record Page(List<CampaignView> items, int page, int size, long total) {
    }

    record Volume(String unit, List<CampaignRepository.Bucket> buckets) {
    }

    static CampaignView of(Campaign c) {
        return of(c, null, null);
    }

    static CampaignView of(Campaign c, List<CampaignRepository.Crossing> crossings, List<CampaignTraceback> tracebacks) {
        return new CampaignView(c.id(), c.reference(), c.name(), c.category(), c.status().code(), c.firstSeen(),
                c.lastSeen(), c.callCount(), c.calls24h(), c.callsPrevious24h(), c.growth(), c.distinctCallingNumbers(),
                Map.of("A", c.attestationA(), "B", c.attestationB(), "C", c.attestationC(), "none", c.attestationNone()),
                c.calledStates(), c.callbackNumbers(), c.representativeTranscript(),
                crossings == null ? null : crossings.stream().map(x -> new Threshold(x.threshold(), x.action(),
                        x.crossedAt(), x.processInstanceKey())).toList(),
                tracebacks == null ? null : tracebacks.stream().map(t -> new TracebackRef(t.tracebackId(), t.reference(),
                        t.threshold(), t.callId(), t.status(), t.outcome(), t.providerChain(), t.originProvider())).toList());
    }
}
