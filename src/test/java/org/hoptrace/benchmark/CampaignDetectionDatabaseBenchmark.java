package org.hoptrace.benchmark;

final class CampaignDetectionDatabaseBenchmark {
    static void run(int size) {
    }
}
