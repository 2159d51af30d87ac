package org.hoptrace.campaign.detection;

import java.util.Arrays;

/**
 * Groups calls into campaigns, without a database (docs/campaign-detection.md):
 * <ol>
 * <li>messages: LSH over the MinHash signatures (band by band, the first message in a bucket is its
 * leader); a message and its bucket's leader are joined when their estimated similarity, or the share of
 * the shorter one found in the longer one (truncated transcripts), is high enough;</li>
 * <li>callback numbers: calls asking to be called back on the same number are joined;</li>
 * <li>caller ID, for calls without message: the exact calling number, neighbour spoofing per origination
 * id, an NPA-NXX seen with several line numbers.</li>
 * </ol>
 * Existing campaigns ({@link Anchors}) take part as labelled sets: calls join them, they are never merged
 * with each other. New groups with at least {@code minCampaignCalls} calls become campaigns.
 */
public final class CallGrouping {

    private static final int SAMPLE = 24;
    private final DetectionParameters parameters;

    public CallGrouping(DetectionParameters parameters) {
        this.parameters = parameters;
    }

    public Groups group(Anchors anchors, CallColumns calls) {
        int campaigns = anchors.campaigns;
        int n = calls.size;
        UnionFind sets = new UnionFind(campaigns + n);
        for (int c = 0; c < campaigns; c++) {
            sets.label(c, c);
        }
        joinMessages(anchors, calls, sets);
        joinNumbers(anchors, calls, sets);
        return groups(campaigns, calls, sets);
    }

    private void joinMessages(Anchors anchors, CallColumns calls, UnionFind sets) {
        int k = calls.k;
        int rows = parameters.rowsPerBand();
        int exemplars = anchors.exemplars;
        int total = exemplars + calls.size;
        LongIntMap buckets = new LongIntMap(total);
        for (int band = 0; band < parameters.bands(); band++) {
            buckets.clear();
            int from = band * rows;
            for (int t = 0; t < total; t++) {
                boolean exemplar = t < exemplars;
                int i = t - exemplars;
                if (!exemplar && calls.shingles[i] == 0) {
                    continue;
                }
                int[] signatures = exemplar ? anchors.signatures : calls.signatures;
                int offset = (exemplar ? t : i) * k;
                int leader = buckets.putIfAbsent(bandKey(signatures, offset + from, rows, band), t);
                if (leader < 0) {
                    continue;
                }
                int node = exemplar ? anchors.owner[t] : anchors.campaigns + i;
                int leaderNode = leader < exemplars ? anchors.owner[leader] : anchors.campaigns + leader - exemplars;
                if (sets.find(node) != sets.find(leaderNode)
                        && sameMessage(signatures, offset, shingles(anchors, calls, t),
                        leader < exemplars ? anchors.signatures : calls.signatures,
                        (leader < exemplars ? leader : leader - exemplars) * k, shingles(anchors, calls, leader), k)) {
                    sets.union(node, leaderNode);
                }
            }
        }
    }

    private static int shingles(Anchors anchors, CallColumns calls, int t) {
        return t < anchors.exemplars ? anchors.shingles[t] : calls.shingles[t - anchors.exemplars];
    }

    /** Same message: similar enough, or the shorter one (truncated) is mostly contained in the longer one. */
    boolean sameMessage(int[] a, int aOffset, int aShingles, int[] b, int bOffset, int bShingles, int k) {
        double similarity = MinHasher.similarity(a, aOffset, b, bOffset, k);
        int shorter = Math.min(aShingles, bShingles);
        if (shorter < parameters.minTruncatedShingles()) {
            // a short message is mostly its opening line, which many campaigns share: it must be nearly the same
            return similarity >= (1 + parameters.minSimilarity()) / 2;
        }
        if (similarity >= parameters.minSimilarity()) {
            return true;
        }
        if (similarity < parameters.minSimilarity() / 2) {
            return false;
        }
        double containment = similarity * (aShingles + bShingles) / ((1 + similarity) * shorter);
        return containment >= parameters.minContainment();
    }

    private static long bandKey(int[] signatures, int from, int rows, int band) {
        long h = 0x2545F4914F6CDD1DL * (band + 1);
        for (int r = 0; r < rows; r++) {
            h = (h ^ signatures[from + r]) * 0x9E3779B97F4A7C15L;
        }
        return Shingler.mix(h);
    }

    private void joinNumbers(Anchors anchors, CallColumns calls, UnionFind sets) {
        int campaigns = anchors.campaigns;
        int n = calls.size;
        LongIntMap owners = new LongIntMap(Math.max(16, anchors.keys + n));
        for (int j = 0; j < anchors.keys; j++) {
            owners.putIfAbsent(anchors.keyValues[j], anchors.keyCampaigns[j]);
        }
        for (int i = 0; i < n; i++) {
            if (calls.callback[i] != 0) {
                join(owners, KeyKind.CALLBACK.key(calls.callback[i]), campaigns + i, sets);
            }
        }
        for (int i = 0; i < n; i++) { // calls with a message register their calling number but are not joined by it
            if (calls.shingles[i] > 0 && calls.calling[i] != 0) {
                owners.putIfAbsent(KeyKind.CALLING.key(calls.calling[i]), campaigns + i);
            }
        }
        for (int i = 0; i < n; i++) {
            if (calls.shingles[i] == 0 && calls.calling[i] != 0) {
                join(owners, KeyKind.CALLING.key(calls.calling[i]), campaigns + i, sets);
            }
        }
        LongIntMap busyPrefixes = busyPrefixes(calls);
        for (int i = 0; i < n; i++) {
            if (calls.shingles[i] != 0 || calls.callback[i] != 0) {
                continue;
            }
            long prefix = KeyKind.prefix(calls.calling[i]);
            if (prefix == 0) {
                continue;
            }
            if (prefix == KeyKind.prefix(calls.called[i])) {
                join(owners, KeyKind.NEIGHBOUR.key(calls.origination[i]), campaigns + i, sets);
            } else if (busyPrefixes.get(prefix) >= parameters.minPrefixNumbers()
                    || owners.get(KeyKind.PREFIX.key(prefix)) >= 0) {
                join(owners, KeyKind.PREFIX.key(prefix), campaigns + i, sets);
            }
        }
    }

    private static void join(LongIntMap owners, long key, int node, UnionFind sets) {
        int owner = owners.putIfAbsent(key, node);
        if (owner >= 0) {
            sets.union(node, owner);
        }
    }

    /** Distinct calling numbers per NPA-NXX among the calls without message or callback number. */
    private static LongIntMap busyPrefixes(CallColumns calls) {
        long[] numbers = new long[calls.size];
        int count = 0;
        for (int i = 0; i < calls.size; i++) {
            if (calls.shingles[i] == 0 && calls.callback[i] == 0 && KeyKind.prefix(calls.calling[i]) != 0) {
                numbers[count++] = calls.calling[i];
            }
        }
        Arrays.sort(numbers, 0, count);
        LongIntMap distinct = new LongIntMap(Math.max(16, count / 4));
        for (int i = 0; i < count; ) {
            long prefix = KeyKind.prefix(numbers[i]);
            int numbersInPrefix = 0;
            while (i < count && KeyKind.prefix(numbers[i]) == prefix) {
                long number = numbers[i];
                numbersInPrefix++;
                while (i < count && numbers[i] == number) {
                    i++;
                }
            }
            distinct.putIfAbsent(prefix, numbersInPrefix);
        }
        return distinct;
    }

    private Groups groups(int campaigns, CallColumns calls, UnionFind sets) {
        int n = calls.size;
        int[] group = new int[n];
        int[] rootIndex = new int[campaigns + n];
        Arrays.fill(rootIndex, -1);
        int[] sizes = new int[n + 1];
        int candidates = 0;
        for (int i = 0; i < n; i++) {
            int root = sets.find(campaigns + i);
            int label = sets.labelOf(root);
            if (label >= 0) {
                group[i] = label;
                continue;
            }
            if (rootIndex[root] < 0) {
                rootIndex[root] = candidates++;
            }
            group[i] = -2 - rootIndex[root];
            sizes[rootIndex[root]]++;
        }
        int[] newId = new int[candidates];
        int created = 0;
        for (int g = 0; g < candidates; g++) {
            newId[g] = sizes[g] >= parameters.minCampaignCalls() ? campaigns + created++ : -1;
        }
        for (int i = 0; i < n; i++) {
            if (group[i] <= -2) {
                group[i] = newId[-2 - group[i]];
            }
        }
        Groups groups = new Groups(campaigns, group, created);
        for (int g = 0; g < created; g++) {
            chooseRepresentative(groups, g, calls);
        }
        return groups;
    }

    /** The medoid of a sample of the group's messages, and the members least like it as further exemplars. */
    private void chooseRepresentative(Groups groups, int g, CallColumns calls) {
        int[] members = groups.members(groups.campaigns + g);
        int withText = 0;
        for (int m : members) {
            if (calls.shingles[m] > 0) {
                withText++;
            }
        }
        if (withText == 0) {
            groups.representative[g] = members[0];
            groups.exemplars[g] = new int[0];
            return;
        }
        int sampleSize = Math.min(SAMPLE, withText);
        int[] sample = new int[sampleSize];
        int seen = 0;
        int taken = 0;
        for (int m : members) {
            if (calls.shingles[m] > 0) {
                if (taken < sampleSize && (long) seen * sampleSize / withText >= taken) {
                    sample[taken++] = m;
                }
                seen++;
            }
        }
        int k = calls.k;
        double[][] similarity = new double[sampleSize][sampleSize];
        int best = 0;
        double bestScore = -1;
        for (int a = 0; a < sampleSize; a++) {
            double score = 0;
            for (int b = 0; b < sampleSize; b++) {
                similarity[a][b] = a == b ? 1 : MinHasher.similarity(calls.signatures, sample[a] * k,
                        calls.signatures, sample[b] * k, k);
                score += similarity[a][b];
            }
            if (score > bestScore || (score == bestScore && calls.shingles[sample[a]] > calls.shingles[sample[best]])) {
                best = a;
                bestScore = score;
            }
        }
        groups.representative[g] = sample[best];
        int medoid = best;
        Integer[] order = new Integer[sampleSize];
        for (int a = 0; a < sampleSize; a++) {
            order[a] = a;
        }
        Arrays.sort(order, (x, y) -> Double.compare(similarity[medoid][x], similarity[medoid][y]));
        int count = Math.min(parameters.exemplars(), sampleSize);
        int[] exemplars = new int[count];
        exemplars[0] = sample[medoid];
        for (int e = 1, o = 0; e < count; o++) {
            if (order[o] != medoid) {
                exemplars[e++] = sample[order[o]];
            }
        }
        groups.exemplars[g] = exemplars;
    }
}
