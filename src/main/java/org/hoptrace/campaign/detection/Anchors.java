package org.hoptrace.campaign.detection;

import java.util.Arrays;

/**
 * What new calls can join: the existing campaigns (numbered 0..campaigns-1 by the caller), each with a
 * few exemplar signatures and the numbers and patterns already seen in it.
 */
public final class Anchors {

    final int k;
    int campaigns;
    int exemplars;
    int[] owner = new int[16];
    int[] shingles = new int[16];
    int[] signatures;
    int keys;
    long[] keyValues = new long[16];
    int[] keyCampaigns = new int[16];

    public Anchors(int k) {
        this.k = k;
        signatures = new int[16 * k];
    }

    /** No campaigns yet. */
    public static Anchors none(int k) {
        return new Anchors(k);
    }

    /** Adds a campaign and returns its number. */
    public int addCampaign() {
        return campaigns++;
    }

    public int campaigns() {
        return campaigns;
    }

    /** Adds an exemplar signature (length k) of a message with {@code shingleCount} shingles to a campaign. */
    public void addExemplar(int campaign, int shingleCount, int[] signature) {
        if (signature.length != k) {
            throw new IllegalArgumentException("signature of length " + signature.length + ", expected " + k);
        }
        if (exemplars == owner.length) {
            owner = Arrays.copyOf(owner, exemplars * 2);
            shingles = Arrays.copyOf(shingles, exemplars * 2);
            signatures = Arrays.copyOf(signatures, exemplars * 2 * k);
        }
        owner[exemplars] = campaign;
        shingles[exemplars] = shingleCount;
        System.arraycopy(signature, 0, signatures, exemplars * k, k);
        exemplars++;
    }

    /** Forgets the numbers and patterns (they are looked up again for each chunk of calls). */
    public void clearKeys() {
        keys = 0;
    }

    /** Adds a number or pattern of a campaign ({@link KeyKind}, value as in {@link KeyKind#key}). */
    public void addKey(KeyKind kind, long value, int campaign) {
        if (keys == keyValues.length) {
            keyValues = Arrays.copyOf(keyValues, keys * 2);
            keyCampaigns = Arrays.copyOf(keyCampaigns, keys * 2);
        }
        keyValues[keys] = kind.key(value);
        keyCampaigns[keys] = campaign;
        keys++;
    }
}
