package org.hoptrace.benchmark;

import java.util.HashMap;
import java.util.Map;

/**
 * Purity and recall of found groups against planted labels. Purity: of the calls put into groups, the
 * share that belongs to its group's majority campaign (a background call counts as a label of its own).
 * Recall: of the planted campaigns' calls, the share in the group holding most of their campaign.
 */
record GroupingQuality(double purity, double recall, long groupedCalls, long backgroundGrouped, int groups) {

    /** {@code found[i]}: the group of call i or -1; {@code labels[i]}: its planted campaign or -1. */
    static GroupingQuality of(int[] found, int[] labels, int plantedCampaigns) {
        Map<Integer, Map<Integer, Integer>> byGroup = new HashMap<>();
        Map<Integer, Map<Integer, Integer>> byCampaign = new HashMap<>();
        long grouped = 0;
        long background = 0;
        long planted = 0;
        for (int i = 0; i < found.length; i++) {
            int label = labels[i] >= 0 ? labels[i] : -1 - i;
            if (labels[i] >= 0) {
                planted++;
                if (found[i] >= 0) {
                    byCampaign.computeIfAbsent(labels[i], c -> new HashMap<>()).merge(found[i], 1, Integer::sum);
                }
            }
            if (found[i] >= 0) {
                grouped++;
                if (labels[i] < 0) {
                    background++;
                }
                byGroup.computeIfAbsent(found[i], g -> new HashMap<>()).merge(label, 1, Integer::sum);
            }
        }
        long pure = byGroup.values().stream().mapToLong(m -> m.values().stream().mapToInt(v -> v).max().orElse(0)).sum();
        long recalled = byCampaign.values().stream()
                .mapToLong(m -> m.values().stream().mapToInt(v -> v).max().orElse(0)).sum();
        return new GroupingQuality(grouped == 0 ? 1 : pure / (double) grouped,
                planted == 0 ? 1 : recalled / (double) planted, grouped, background, byGroup.size());
    }

    @Override
    public String toString() {
        return String.format("purity %.4f, recall %.4f, %,d calls in %,d groups, %,d background calls grouped",
                purity, recall, groupedCalls, groups, backgroundGrouped);
    }
}
