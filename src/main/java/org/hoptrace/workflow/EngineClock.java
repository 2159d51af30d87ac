package org.hoptrace.workflow;

import java.time.Duration;
import java.time.Instant;

/**
 * The engine's notion of now. Production runs on real time; tests move it forward instead of
 * sleeping. Advancing fires every timer that has become due.
 */
public interface EngineClock {

    Instant now();

    /** Moves the clock forward and triggers every timer and retry back-off that became due. */
    void advance(Duration duration);

    /** Returns to real time. */
    void reset();
}
