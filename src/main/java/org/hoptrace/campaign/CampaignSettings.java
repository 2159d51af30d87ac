package org.hoptrace.campaign;

import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hoptrace.campaign.*}: campaign review, automatic tracebacks and alerts (docs/campaigns.md).
 *
 * @param defaultTerminatingProvider the provider a campaign traceback asks first when the call's source names no
 *                                   terminating provider ({@code call_source.terminating_provider_id}); none: such
 *                                   calls are not traced
 * @param thresholds                 false: CampaignsUpdated events are not decided (no reviews, no automatic tracebacks)
 * @param sampleCalls                how many recent calls the campaign page lists
 */
@ConfigurationProperties("hoptrace.campaign")
public record CampaignSettings(UUID defaultTerminatingProvider,
                               @DefaultValue("true") boolean thresholds,
                               @DefaultValue("20") int sampleCalls) {

    public CampaignSettings {
        if (sampleCalls < 1 || sampleCalls > 500) {
            throw new IllegalArgumentException("hoptrace.campaign.sample-calls must be 1 to 500, was " + sampleCalls);
        }
    }
}
