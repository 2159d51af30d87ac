package org.hoptrace.campaign.detection;

import java.util.Arrays;

/**
 * Turns a transcript into hashes of its word shingles without creating a String per word: letters and
 * digits are lower-cased and hashed as they are read, any word with a digit becomes one "number" word
 * (account numbers and amounts differ from call to call), other characters separate words. Not thread-safe:
 * one per thread, its buffers are reused from call to call.
 */
final class Shingler {

    private static final int NUMBER = 0x6E756D62;
    private final int width;
    private int[] words = new int[128];
    private int[] shingles = new int[128];

    Shingler(int width) {
        this.width = width;
    }

    /** Hashes the shingles of {@code text} into {@link #hashes()}; returns how many (0 for no words). */
    int shingle(CharSequence text) {
        int count = words(text);
        if (count == 0) {
            return 0;
        }
        int n = Math.max(1, count - width + 1);
        if (shingles.length < n) {
            shingles = new int[Math.max(n, shingles.length * 2)];
        }
        int span = Math.min(width, count);
        for (int i = 0; i < n; i++) {
            long h = 0x9E3779B97F4A7C15L;
            for (int j = 0; j < span; j++) {
                h = (h ^ words[i + j]) * 0xBF58476D1CE4E5B9L;
                h ^= h >>> 29;
            }
            shingles[i] = (int) (mix(h) >>> 32);
        }
        return n;
    }

    /** The shingle hashes of the last {@link #shingle} call (valid up to its count). */
    int[] hashes() {
        return shingles;
    }

    private int words(CharSequence text) {
        int count = 0;
        int hash = 0x811C9DC5;
        boolean inWord = false;
        boolean digit = false;
        for (int i = 0, length = text.length(); i < length; i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                inWord = true;
                digit |= c >= '0' && c <= '9';
                hash = (hash ^ Character.toLowerCase(c)) * 0x01000193;
            } else if (c == '\'' || c == '\u2019') {
                continue; // "we've" and "weve" are one word
            } else if (inWord) {
                count = add(count, digit ? NUMBER : hash);
                hash = 0x811C9DC5;
                inWord = false;
                digit = false;
            }
        }
        if (inWord) {
            count = add(count, digit ? NUMBER : hash);
        }
        return count;
    }

    private int add(int count, int word) {
        if (count == words.length) {
            words = Arrays.copyOf(words, count * 2);
        }
        words[count] = word;
        return count + 1;
    }

    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
