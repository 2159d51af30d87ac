package org.hoptrace.campaign.detection;

/**
 * How calls are grouped (docs/campaign-detection.md). Pure values: the same parameters give the same
 * campaigns whether the grouping runs alone (benchmark) or over the database.
 *
 * @param shingleWords      words per shingle (3: "your car warranty")
 * @param bands             LSH bands
 * @param rowsPerBand       MinHash values per band; bands x rows = signature length
 * @param minSimilarity     estimated Jaccard similarity of two messages at or above which they are the same message
 * @param minContainment    share of the shorter message's shingles found in the longer one at or above which a
 *                          truncated message is the same message (checked only with {@code minTruncatedShingles})
 * @param minTruncatedShingles the fewest shingles a message needs for the containment rule (short phrases such as
 *                          "press one now" would otherwise be "contained" in many messages)
 * @param minCampaignCalls  calls a new group needs to become a campaign (smaller groups wait for more calls)
 * @param exemplars         signatures kept per campaign so later calls can join it
 * @param minPrefixNumbers  distinct calling numbers an NPA-NXX needs before calls without message from it are a pattern
 */
public record DetectionParameters(int shingleWords, int bands, int rowsPerBand, double minSimilarity,
                                  double minContainment, int minTruncatedShingles, int minCampaignCalls,
                                  int exemplars, int minPrefixNumbers) {

    public DetectionParameters {
        if (shingleWords < 1 || bands < 1 || rowsPerBand < 1 || minCampaignCalls < 1 || exemplars < 1
                || minPrefixNumbers < 1) {
            throw new IllegalArgumentException("detection parameters must be positive");
        }
        if (minSimilarity <= 0 || minSimilarity > 1 || minContainment <= 0 || minContainment > 1) {
            throw new IllegalArgumentException("minSimilarity and minContainment must be in (0, 1]");
        }
    }

    /** The defaults documented in docs/campaign-detection.md. */
    public static DetectionParameters defaults() {
        return new DetectionParameters(3, 32, 2, 0.45, 0.85, 16, 3, 4, 3);
    }

    /** The signature length. */
    public int hashes() {
        return bands * rowsPerBand;
    }
}
