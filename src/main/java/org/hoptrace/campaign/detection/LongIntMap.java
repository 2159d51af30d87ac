package org.hoptrace.campaign.detection;

import java.util.Arrays;

/** An open-addressing map from long keys to int values, without boxing; {@link #clear} keeps the arrays. */
final class LongIntMap {

    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
        Arrays.fill(keys, EMPTY);
    }

    /** Returns the value of {@code key}, or puts {@code value} and returns -1 if there is none. */
    int putIfAbsent(long key, int value) {
        long k = key == EMPTY ? EMPTY + 1 : key;
        int slot = (int) Shingler.mix(k) & mask;
        while (keys[slot] != EMPTY) {
            if (keys[slot] == k) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = k;
        values[slot] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
        return -1;
    }

    /** The value of {@code key}, or -1. */
    int get(long key) {
        long k = key == EMPTY ? EMPTY + 1 : key;
        int slot = (int) Shingler.mix(k) & mask;
        while (keys[slot] != EMPTY) {
            if (keys[slot] == k) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    void clear() {
        Arrays.fill(keys, EMPTY);
        size = 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                putIfAbsent(oldKeys[i], oldValues[i]);
            }
        }
    }
}
