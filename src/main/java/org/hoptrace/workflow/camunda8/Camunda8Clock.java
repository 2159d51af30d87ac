package org.hoptrace.workflow.camunda8;

import java.time.Duration;
import java.time.Instant;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import org.hoptrace.workflow.EngineClock;

/**
 * Camunda 8's clock. In production it is real time and cannot be moved. A cluster started for
 * tests with a controllable clock ({@code zeebe.clock.controlled=true}) can be moved forward: the
 * clock is pinned through {@code PUT /v2/clock} and released through {@code POST /v2/clock/reset}.
 * A cluster that refuses gets an {@link UnsupportedOperationException} that says so.
 */
final class Camunda8Clock implements EngineClock {

    private final CamundaClient client;
    private volatile Instant pinned;

    Camunda8Clock(CamundaClient client) {
        this.client = client;
    }

    @Override
    public Instant now() {
        Instant at = pinned;
        return at != null ? at : Instant.now();
    }

    @Override
    public synchronized void advance(Duration duration) {
        // the cluster keeps time in milliseconds
        Instant target = now().plus(duration).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        try {
            client.newPinClockCommand().time(target).send().join();
        } catch (ClientHttpException refused) {
            throw new UnsupportedOperationException("the Camunda 8 cluster refused to move its clock (HTTP "
                    + refused.code() + "): only a cluster started with a controllable clock"
                    + " (zeebe.clock.controlled=true, tests only) can be moved; production runs on real time", refused);
        }
        pinned = target;
    }

    @Override
    public synchronized void reset() {
        if (pinned == null) {
            return;
        }
        client.newResetClockCommand().send().join();
        pinned = null;
    }
}
