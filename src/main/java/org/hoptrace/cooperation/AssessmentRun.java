package org.hoptrace.cooperation;

import java.time.Instant;

/**
 * One run of the cooperation assessment.
 *
 * @param trigger     {@code schedule} (the nightly cron) or {@code staff} (run now)
 * @param assessedAt  the instant the records' windows end
 * @param finishedAt  null while it runs (or if the process died during the run)
 * @param error       why it failed (its changes were rolled back), or null
 */
public record AssessmentRun(long runId, String trigger, String requestedBy, Instant assessedAt, Instant startedAt,
                            Instant finishedAt, Long durationMs, Integer providersAssessed, Integer statusChanges,
                            Integer flagsRaised, String error) {

    public boolean succeeded() {
        return finishedAt != null && error == null;
    }
}
