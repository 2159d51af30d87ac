package org.hoptrace.campaign.detection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hoptrace.campaigns.detection.*} (docs/campaign-detection.md, docs/configuration.md).
 *
 * @param onIngest        run after every ingested batch (in the background, runs coalesce)
 * @param cron            when else to run (Spring cron, UTC; {@code -} switches the schedule off)
 * @param chunkSize       new calls read and grouped at a time
 * @param pendingWindow   how long calls that found no campaign yet wait for similar calls (by call time)
 * @param maxPending      at most this many waiting calls are considered again in a run (the most recent)
 * @param minCampaignCalls calls a new group needs to become a campaign
 * @param minSimilarity   estimated Jaccard similarity of word shingles at which two messages are the same
 * @param minContainment  share of a truncated message found in a longer one at which they are the same
 */
@ConfigurationProperties("hoptrace.campaigns.detection")
record DetectionSettings(@DefaultValue("true") boolean onIngest,
                         @DefaultValue("0 */10 * * * *") String cron,
                         @DefaultValue("100000") int chunkSize,
                         @DefaultValue("P2D") Duration pendingWindow,
                         @DefaultValue("200000") int maxPending,
                         @DefaultValue("3") int minCampaignCalls,
                         @DefaultValue("0.45") double minSimilarity,
                         @DefaultValue("0.85") double minContainment) {

    DetectionSettings {
        if (chunkSize < 1 || maxPending < 0) {
            throw new IllegalArgumentException("hoptrace.campaigns.detection.chunk-size must be positive and max-pending not negative");
        }
    }

    DetectionParameters parameters() {
        DetectionParameters defaults = DetectionParameters.defaults();
        return new DetectionParameters(defaults.shingleWords(), defaults.bands(), defaults.rowsPerBand(), minSimilarity,
                minContainment, defaults.minTruncatedShingles(), minCampaignCalls, defaults.exemplars(),
                defaults.minPrefixNumbers());
    }
}
