package org.hoptrace.campaign.detection;

import java.util.SplittableRandom;

/**
 * MinHash signatures: for each of k multiply-shift hash functions the smallest value over a message's
 * shingles. Two signatures agree at a position with probability equal to the Jaccard similarity of the
 * shingle sets. The functions are fixed by a seed, so signatures stored in the database stay comparable.
 */
final class MinHasher {

    private static final long SEED = 0x486F7074726163L; // "Hoptrac"
    private final int k;
    private final long[] multipliers;
    private final long[] increments;

    MinHasher(int k) {
        this.k = k;
        SplittableRandom random = new SplittableRandom(SEED);
        multipliers = new long[k];
        increments = new long[k];
        for (int i = 0; i < k; i++) {
            multipliers[i] = random.nextLong() | 1L;
            increments[i] = random.nextLong();
        }
    }

    int length() {
        return k;
    }

    /**
     * Writes the signature of {@code count} shingle hashes to {@code out[offset .. offset + k)}; one hash
     * function at a time over all shingles, so the running minimum stays in a register.
     */
    void sign(int[] shingles, int count, int[] out, int offset) {
        for (int i = 0; i < k; i++) {
            long a = multipliers[i];
            long b = increments[i];
            int min = Integer.MAX_VALUE;
            for (int s = 0; s < count; s++) {
                min = Math.min(min, (int) ((a * (shingles[s] & 0xFFFFFFFFL) + b) >>> 33));
            }
            out[offset + i] = min;
        }
    }

    /** The share of equal positions of two signatures: the estimated Jaccard similarity. */
    static double similarity(int[] a, int aOffset, int[] b, int bOffset, int k) {
        int equal = 0;
        for (int i = 0; i < k; i++) {
            if (a[aOffset + i] == b[bOffset + i]) {
                equal++;
            }
        }
        return equal / (double) k;
    }
}
