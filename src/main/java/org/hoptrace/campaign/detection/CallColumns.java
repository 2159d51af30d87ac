package org.hoptrace.campaign.detection;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Calls to group, column by column (index i is one call): what grouping needs and nothing else. Numbers
 * are E.164 digits as longs ({@code +12025550143} -> 12025550143, 0 = none). Signatures are computed in
 * parallel by {@link #sign}; a call with no words has shingle count 0 and takes part only through its numbers.
 */
public final class CallColumns {

    final int k;
    int size;
    long[] callIds;
    String[] transcripts;
    String[] verdicts;
    long[] calling;
    long[] called;
    long[] callback;
    long[] origination;
    /** Carried along for the statistics: the called party's state as the source gave it, or null. */
    String[] calledStates;
    int[] shingles;
    int[] signatures;
    private int signed;

    public CallColumns(int capacity, int k) {
        this.k = k;
        int c = Math.max(capacity, 16);
        callIds = new long[c];
        transcripts = new String[c];
        verdicts = new String[c];
        calling = new long[c];
        called = new long[c];
        callback = new long[c];
        origination = new long[c];
        calledStates = new String[c];
        shingles = new int[c];
        signatures = new int[c * k];
    }

    public int size() {
        return size;
    }

    public long callId(int i) {
        return callIds[i];
    }

    /** Adds a call; numbers in E.164 or null, the origination id as sent or null. */
    public void add(long callId, String transcript, String verdict, String callingNumber, String calledNumber,
                    String callbackNumber, String originationId) {
        add(callId, transcript, verdict, callingNumber, calledNumber, callbackNumber, originationId, null);
    }

    /** Adds a call with the called party's state as the source gave it. */
    public void add(long callId, String transcript, String verdict, String callingNumber, String calledNumber,
                    String callbackNumber, String originationId, String calledState) {
        if (size == callIds.length) {
            grow(size * 2);
        }
        callIds[size] = callId;
        transcripts[size] = transcript;
        verdicts[size] = verdict;
        calling[size] = digits(callingNumber);
        called[size] = digits(calledNumber);
        callback[size] = digits(callbackNumber);
        calledStates[size] = calledState;
        origination[size] = originationId == null || originationId.isBlank() ? 0
                : Shingler.mix(originationId.strip().toLowerCase().hashCode() * 0x9E3779B97F4A7C15L) | 1L;
        size++;
    }

    /** Computes the signatures of the calls added since the last call, on all cores. */
    public void sign(DetectionParameters parameters) {
        MinHasher hasher = new MinHasher(k);
        int from = signed;
        int to = size;
        int slices = Math.max(1, Math.min((to - from) / 2048, Runtime.getRuntime().availableProcessors() * 4));
        IntStream.range(0, slices).parallel().forEach(slice -> {
            Shingler shingler = new Shingler(parameters.shingleWords());
            int start = from + (int) ((long) (to - from) * slice / slices);
            int end = from + (int) ((long) (to - from) * (slice + 1) / slices);
            for (int i = start; i < end; i++) {
                String text = transcripts[i];
                int count = text == null ? 0 : shingler.shingle(text);
                shingles[i] = count;
                if (count > 0) {
                    hasher.sign(shingler.hashes(), count, signatures, i * k);
                }
            }
        });
        signed = to;
    }

    /** Keeps only the calls marked in {@code keep}, in order (the calls left for a later run). */
    public void retain(boolean[] keep) {
        int j = 0;
        for (int i = 0; i < size; i++) {
            if (keep[i]) {
                callIds[j] = callIds[i];
                transcripts[j] = transcripts[i];
                verdicts[j] = verdicts[i];
                calling[j] = calling[i];
                called[j] = called[i];
                callback[j] = callback[i];
                origination[j] = origination[i];
                calledStates[j] = calledStates[i];
                shingles[j] = shingles[i];
                System.arraycopy(signatures, i * k, signatures, j * k, k);
                j++;
            }
        }
        Arrays.fill(transcripts, j, size, null);
        Arrays.fill(verdicts, j, size, null);
        Arrays.fill(calledStates, j, size, null);
        size = j;
        signed = Math.min(signed, j);
    }

    private void grow(int capacity) {
        callIds = Arrays.copyOf(callIds, capacity);
        transcripts = Arrays.copyOf(transcripts, capacity);
        verdicts = Arrays.copyOf(verdicts, capacity);
        calling = Arrays.copyOf(calling, capacity);
        called = Arrays.copyOf(called, capacity);
        callback = Arrays.copyOf(callback, capacity);
        origination = Arrays.copyOf(origination, capacity);
        calledStates = Arrays.copyOf(calledStates, capacity);
        shingles = Arrays.copyOf(shingles, capacity);
        signatures = Arrays.copyOf(signatures, capacity * k);
    }

    /** E.164 digits as a long; 0 for none or anything that is not a number. */
    static long digits(String e164) {
        if (e164 == null) {
            return 0;
        }
        long value = 0;
        int digits = 0;
        for (int i = 0; i < e164.length(); i++) {
            char c = e164.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                digits++;
            } else if (c != '+') {
                return 0;
            }
        }
        return digits == 0 || digits > 15 ? 0 : value;
    }
}
