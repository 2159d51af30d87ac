package org.hoptrace.benchmark;

import org.hoptrace.campaign.detection.Anchors;
import org.hoptrace.campaign.detection.CallColumns;
import org.hoptrace.campaign.detection.CallGrouping;
import org.hoptrace.campaign.detection.DetectionParameters;
import org.hoptrace.campaign.detection.Groups;

/**
 * Campaign detection (docs/campaign-detection.md, docs/benchmarks.md): labelled synthetic calls
 * ({@link SyntheticCalls}) grouped by the pure-Java core, then through the database. Arguments: the sizes for
 * the core (default 100000), the size for the database path (default 100000; 0 skips it). Example for the
 * documented numbers: {@code 100000,1000000 1000000}.
 */
public final class CampaignDetectionBenchmark {

    public static void main(String[] args) throws Exception {
        String coreSizes = args.length > 0 ? args[0] : "100000";
        int databaseSize = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        System.out.printf("%d cores, max heap %,d MB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        core(10_000, true);
        for (String size : coreSizes.split(",")) {
            core(Integer.parseInt(size.strip()), false);
        }
        if (databaseSize > 0) {
            CampaignDetectionDatabaseBenchmark.run(databaseSize);
        }
    }

    private static void core(int size, boolean warmUp) {
        long generating = System.nanoTime();
        SyntheticCalls data = new SyntheticCalls(size, 42);
        double generated = seconds(generating);
        DetectionParameters parameters = parameters();
        long started = System.nanoTime();
        CallColumns calls = new CallColumns(size, parameters.hashes());
        for (int i = 0; i < size; i++) {
            calls.add(i, data.transcripts[i], null, data.calling[i], data.called[i], data.callbacks[i], null);
        }
        calls.sign(parameters);
        double signed = seconds(started);
        Groups groups = new CallGrouping(parameters).group(Anchors.none(parameters.hashes()), calls);
        double total = seconds(started);
        int[] found = new int[size];
        for (int i = 0; i < size; i++) {
            found[i] = groups.groupOf(i);
        }
        GroupingQuality quality = GroupingQuality.of(found, data.labels, data.campaigns);
        System.out.printf("core%s: %,d calls (%,d planted campaigns; generated in %.1f s): signatures %.2f s, "
                        + "grouping %.2f s, total %.2f s = %,.0f calls/s; %,d campaigns found; %s%n",
                warmUp ? " (warm-up)" : "", size, data.campaigns, generated, signed, total - signed, total,
                size / total, groups.created(), quality);
    }

    /** The defaults, or -Dbands=.. -Drows=.. -DminSimilarity=.. -DminContainment=.. to compare settings. */
    static DetectionParameters parameters() {
        DetectionParameters d = DetectionParameters.defaults();
        return new DetectionParameters(d.shingleWords(), Integer.getInteger("bands", d.bands()),
                Integer.getInteger("rows", d.rowsPerBand()),
                Double.parseDouble(System.getProperty("minSimilarity", String.valueOf(d.minSimilarity()))),
                Double.parseDouble(System.getProperty("minContainment", String.valueOf(d.minContainment()))),
                Integer.getInteger("minTruncatedShingles", d.minTruncatedShingles()), d.minCampaignCalls(), d.exemplars(), d.minPrefixNumbers());
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
