package org.hoptrace.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.hoptrace.HoptraceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The relay's thread: running with the service, and ending promptly when the service stops. */
@HoptraceTest
class OutboxRelayLifecycleTest {

    @Autowired OutboxRelay relay;
    @Autowired OutboxSettings settings;

    @Test
    void theServicesRelayRunsInItsOwnThread() {
        assertThat(relay.isRunning()).isTrue();
        assertThat(relayThreads()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aStoppedRelayEndsItsThreadWithoutWaitingForItsNextPoll(@Autowired OutboxMessages messages,
            @Autowired EmailDelivery emails, @Autowired WebhookDelivery webhooks, @Autowired OutboxMetrics metrics,
            @Autowired Clock clock) {
        OutboxSettings slowPoll = new OutboxSettings(true, Duration.ofMinutes(10), settings.initialBackoff(),
                settings.maxBackoff(), settings.maxAttempts(), settings.batchSize(), settings.deliveryThreads(), settings.webhookTimeout(),
                settings.mailFrom());
        OutboxRelay other = new OutboxRelay(messages, emails, webhooks, metrics, new OutboxSignal(), slowPoll, clock);
        long before = relayThreads();

        other.start();
        assertThat(other.isRunning()).isTrue();
        assertThat(relayThreads()).isEqualTo(before + 1);
        Instant stopping = Instant.now();
        other.stop();

        assertThat(other.isRunning()).isFalse();
        assertThat(relayThreads()).isEqualTo(before);
        assertThat(Duration.between(stopping, Instant.now())).isLessThan(settings.webhookTimeout());
    }

    private static long relayThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("outbox-relay") && thread.isAlive()).count();
    }
}
