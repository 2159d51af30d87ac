package org.hoptrace.campaign.detection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Where the time of a detection run goes, phase by phase (logged at the end of a run). */
final class PhaseTimes {

    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private long mark = System.nanoTime();

    /** Adds the time since the previous mark to {@code phase}. */
    void lap(String phase) {
        long now = System.nanoTime();
        nanos.merge(phase, now - mark, Long::sum);
        mark = now;
    }

    /** Starts timing from now (time since the previous mark is not counted). */
    void restart() {
        mark = System.nanoTime();
    }

    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ");
        nanos.forEach((phase, time) -> text.add(phase + " " + time / 1_000_000 + " ms"));
        return text.toString();
    }
}
