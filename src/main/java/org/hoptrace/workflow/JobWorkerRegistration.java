package org.hoptrace.workflow;

import java.time.Duration;

/** A worker for one job type, as both engine adapters activate it. */
public record JobWorkerRegistration(String type, Duration timeout, Duration retryBackoff, JobHandler handler) {
}
