package org.hoptrace.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Labelled robocall data for the campaign detection benchmark: planted campaigns (70% of the calls) whose
 * calls are noisy copies of one script (4% of words misheard, 2% dropped, 1% inserted, every number different,
 * a quarter truncated to 40-90% of the words, 5% without transcript but with the campaign's callback
 * number), and one-off background calls (30%). Words follow a Zipf law over a 5,000-word vocabulary, many
 * scripts start with the same category hook and share boilerplate ("press one to speak with an agent"), so
 * different campaigns do overlap. Deterministic for a given size and seed.
 */
final class SyntheticCalls {

    private static final String[] HOOKS = {
        "we have been trying to reach you concerning your car's extended warranty",
        "this is an important message from the social security administration about your number",
        "your amazon account has been charged for an order of an iphone",
        "this is your final notice before your electric service is disconnected today",
        "you qualify to lower the interest rate on your credit card",
        "you may be eligible for federal student loan forgiveness under a new program",
        "open enrollment for health insurance plans ends this week",
    };
    private static final String[] BOILERPLATE = {
        "press one to speak with a live agent now",
        "press two to be removed from our list",
        "do not ignore this message",
        "please call us back at your earliest convenience",
        "this is a time sensitive matter",
    };

    final int size;
    final String[] transcripts;
    final String[] callbacks;
    final String[] calling;
    final String[] called;
    /** The planted campaign of each call, -1 for background calls. */
    final int[] labels;
    final int campaigns;
    private final String[] vocabulary;
    private final double[] zipf;
    private final SplittableRandom random;

    SyntheticCalls(int size, long seed) {
        this.size = size;
        random = new SplittableRandom(seed);
        vocabulary = vocabulary(5000, random);
        zipf = zipf(vocabulary.length, 1.0);
        transcripts = new String[size];
        callbacks = new String[size];
        calling = new String[size];
        called = new String[size];
        labels = new int[size];
        campaigns = Math.max(1, size / 500);
        int planted = size * 7 / 10;
        int[] sizes = campaignSizes(campaigns, planted);
        int i = 0;
        for (int c = 0; c < campaigns; c++) {
            List<String> script = script();
            String callback = random.nextBoolean() ? number(random) : null;
            long[] prefixes = {prefix(random), prefix(random), prefix(random)};
            for (int j = 0; j < sizes[c]; j++, i++) {
                labels[i] = c;
                boolean noText = callback != null && random.nextInt(100) < 5;
                transcripts[i] = noText ? null : variant(script);
                callbacks[i] = callback != null && (noText || random.nextInt(100) < 60) ? callback : null;
                calling[i] = "+" + (prefixes[random.nextInt(3)] * 10_000 + random.nextInt(10_000));
                called[i] = number(random);
            }
        }
        for (; i < size; i++) {
            labels[i] = -1;
            transcripts[i] = String.join(" ", background());
            calling[i] = number(random);
            called[i] = number(random);
        }
        shuffle();
    }

    private List<String> script() {
        List<String> words = new ArrayList<>();
        if (random.nextInt(100) < 60) {
            words.addAll(List.of(HOOKS[random.nextInt(HOOKS.length)].split(" ")));
        }
        int body = 25 + random.nextInt(36);
        for (int w = 0; w < body; w++) {
            words.add(word());
        }
        for (int b = random.nextInt(3); b > 0; b--) {
            words.addAll(List.of(BOILERPLATE[random.nextInt(BOILERPLATE.length)].split(" ")));
        }
        words.add("call");
        words.add("#");
        return words;
    }

    private String variant(List<String> script) {
        int keep = script.size();
        if (random.nextInt(4) == 0) {
            keep = (int) (script.size() * (0.4 + random.nextDouble() * 0.5));
        }
        StringBuilder text = new StringBuilder(keep * 7);
        for (int w = 0; w < keep; w++) {
            int noise = random.nextInt(100);
            if (noise < 2) {
                continue;
            }
            String word = noise < 6 ? word() : script.get(w);
            if (word.equals("#")) {
                word = String.valueOf(2_000_000_000L + random.nextInt(1_000_000_000));
            }
            text.append(word).append(' ');
            if (noise == 6) {
                text.append(word()).append(' ');
            }
        }
        return text.toString().strip();
    }

    private List<String> background() {
        List<String> words = new ArrayList<>();
        if (random.nextInt(100) < 20) {
            words.addAll(List.of(HOOKS[random.nextInt(HOOKS.length)].split(" ")));
        }
        for (int w = 15 + random.nextInt(36); w > 0; w--) {
            words.add(word());
        }
        if (random.nextInt(100) < 30) {
            words.addAll(List.of(BOILERPLATE[random.nextInt(BOILERPLATE.length)].split(" ")));
        }
        return words;
    }

    private String word() {
        int index = Arrays.binarySearch(zipf, random.nextDouble());
        return vocabulary[Math.min(vocabulary.length - 1, index < 0 ? -index - 1 : index)];
    }

    private void shuffle() {
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            swap(transcripts, i, j);
            swap(callbacks, i, j);
            swap(calling, i, j);
            swap(called, i, j);
            int t = labels[i];
            labels[i] = labels[j];
            labels[j] = t;
        }
    }

    private static void swap(String[] a, int i, int j) {
        String t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** Campaign sizes falling off as 1/rank^0.8, at least 5 calls each, adding up to {@code total}. */
    private static int[] campaignSizes(int campaigns, int total) {
        double[] weights = new double[campaigns];
        double sum = 0;
        for (int c = 0; c < campaigns; c++) {
            weights[c] = 1 / Math.pow(c + 1, 0.8);
            sum += weights[c];
        }
        int[] sizes = new int[campaigns];
        int assigned = 0;
        for (int c = 0; c < campaigns; c++) {
            sizes[c] = Math.max(5, (int) (total * weights[c] / sum));
            assigned += sizes[c];
        }
        sizes[0] += Math.max(0, total - assigned);
        return sizes;
    }

    private static String[] vocabulary(int size, SplittableRandom random) {
        String[] syllables = {"ka", "lo", "mi", "ne", "ru", "ta", "po", "si", "de", "ga", "be", "fu", "vo", "zi", "har",
            "mon", "tel", "ver", "qui", "sto"};
        String[] words = new String[size];
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < size; ) {
            StringBuilder word = new StringBuilder();
            for (int s = 1 + random.nextInt(3); s > 0; s--) {
                word.append(syllables[random.nextInt(syllables.length)]);
            }
            if (seen.add(word.toString())) {
                words[i++] = word.toString();
            }
        }
        return words;
    }

    private static double[] zipf(int n, double exponent) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, exponent);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    private static long prefix(SplittableRandom random) {
        return 1_000_000L + (200 + random.nextInt(800)) * 1000L + 200 + random.nextInt(800);
    }

    private static String number(SplittableRandom random) {
        return "+" + (prefix(random) * 10_000 + random.nextInt(10_000));
    }
}
