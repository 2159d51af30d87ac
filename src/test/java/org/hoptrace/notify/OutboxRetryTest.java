package org.hoptrace.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.hoptrace.HoptraceTest;
import org.hoptrace.workflow.WorkflowEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retries, giving up, and claims: time moves by the engine clock (the relay's clock), never by sleeping.
 * The service's own relay runs throughout; the tests assert what it did.
 */
@HoptraceTest
@ExtendWith(OutputCaptureExtension.class)
class OutboxRetryTest {

    @Autowired Outbox outbox;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;
    @Autowired WorkflowEngine engine;
    @Autowired OutboxSettings settings;
    @Autowired OutboxRelay relay;

    OutboxFixtures fixtures;
    WebhookEndpoint endpoint;
    String secret = "whsec_" + UUID.randomUUID();

    @BeforeEach
    void setUp() throws Exception {
        fixtures = new OutboxFixtures(outbox, transactions, jdbc);
        endpoint = new WebhookEndpoint();
    }

    @AfterEach
    void tearDown() {
        engine.clock().reset();
        endpoint.close();
        fixtures.purge();
    }

    @Test
    void anUnavailableEndpointIsRetriedWithGrowingBackoffAndGetsTheWebhookExactlyOnceWhenItRecovers() {
        endpoint.answer(503);
        String key = fixtures.key("recovers");
        Instant beforeFirst = clock.instant();

        webhook(key);

        OutboxFixtures.Row first = afterAttempts(key, 1);
        assertThat(first.status()).isEqualTo("pending");
        assertThat(first.lastError()).startsWith("HTTP 503");
        assertThat(first.nextAttemptAt()).isBetween(beforeFirst.plus(settings.backoffAfter(1)),
                clock.instant().plus(settings.backoffAfter(1)));

        Instant beforeSecond = clock.instant().plus(settings.backoffAfter(1));
        engine.clock().advance(settings.backoffAfter(1));
        OutboxFixtures.Row second = afterAttempts(key, 2);
        assertThat(second.status()).isEqualTo("pending");
        assertThat(settings.backoffAfter(2)).isGreaterThan(settings.backoffAfter(1));
        assertThat(second.nextAttemptAt()).isBetween(beforeSecond.plus(settings.backoffAfter(2)),
                clock.instant().plus(settings.backoffAfter(2)));

        endpoint.answer(200);
        engine.clock().advance(settings.backoffAfter(2));
        OutboxFixtures.Row sent = await().atMost(Duration.ofSeconds(15)).until(() -> fixtures.row(key),
                row -> row.status().equals("sent"));
        assertThat(sent.attempts()).isEqualTo(3);
        relay.deliverDue();
        assertThat(endpoint.requests(key)).extracting(WebhookEndpoint.Request::status).containsExactly(503, 503, 200);
        assertThat(endpoint.requests(key)).allMatch(request ->
                WebhookSignature.verify(secret, request.timestamp(), request.body(), request.signature()));
    }

    @Test
    void aMessageIsGivenUpAfterMaxAttemptsAndThatIsLoggedAsAnError(CapturedOutput output) {
        endpoint.answer(503);
        String key = fixtures.key("gives-up");

        webhook(key);
        for (int attempt = 1; attempt < settings.maxAttempts(); attempt++) {
            afterAttempts(key, attempt);
            engine.clock().advance(settings.backoffAfter(attempt));
        }

        OutboxFixtures.Row failed = await().atMost(Duration.ofSeconds(15)).until(() -> fixtures.row(key),
                row -> row.status().equals("failed"));
        assertThat(failed.attempts()).isEqualTo(settings.maxAttempts());
        assertThat(failed.lastError()).startsWith("HTTP 503");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .containsPattern("ERROR .* webhook \\d+ \\(" + key + "\\) to .* GIVEN UP after " + settings.maxAttempts()));
        engine.clock().advance(settings.backoffAfter(settings.maxAttempts()));
        relay.deliverDue();
        assertThat(endpoint.requests(key)).hasSize(settings.maxAttempts());
    }

    @Test
    void aMessageClaimedByARelayThatDiedIsDeliveredWhenTheLeaseEnds() {
        String key = fixtures.key("orphaned");
        transactions.executeWithoutResult(status -> {
            outbox.webhook(key, endpoint.url(), secret, "hop.requested", Map.of("event", "hop.requested"));
            fixtures.setNextAttempt(key, clock.instant().plus(settings.lease()));
        });

        relay.deliverDue();
        assertThat(endpoint.requests(key)).isEmpty();
        assertThat(fixtures.row(key).attempts()).isZero();

        engine.clock().advance(settings.lease());
        OutboxFixtures.Row sent = await().atMost(Duration.ofSeconds(15)).until(() -> fixtures.row(key),
                row -> row.status().equals("sent"));
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(endpoint.requests(key)).hasSize(1);
    }

    @Test
    void twoRelaysOnOneDatabaseDeliverEveryMessageExactlyOnce(@Autowired OutboxMessages messages,
            @Autowired EmailDelivery emails, @Autowired WebhookDelivery webhooks, @Autowired OutboxMetrics metrics,
            @Autowired OutboxSignal signal) throws Exception {
        OutboxRelay otherProcess = new OutboxRelay(messages, emails, webhooks, metrics, signal, settings, clock);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3 * settings.batchSize(); i++) {
            keys.add(fixtures.key("race-" + i));
        }
        ExecutorService others = Executors.newFixedThreadPool(2);
        try {
            transactions.executeWithoutResult(status -> keys.forEach(key ->
                    outbox.webhook(key, endpoint.url(), secret, "hop.requested", Map.of("event", "hop.requested"))));
            List<Future<?>> rounds = new ArrayList<>();
            for (int thread = 0; thread < 2; thread++) {
                rounds.add(others.submit(() -> {
                    while (!keys.stream().allMatch(key -> fixtures.row(key).status().equals("sent"))) {
                        otherProcess.deliverDue();
                    }
                }));
            }
            for (Future<?> round : rounds) {
                round.get(30, TimeUnit.SECONDS);
            }
        } finally {
            others.shutdownNow();
        }

        for (String key : keys) {
            assertThat(endpoint.requests(key)).as(key).hasSize(1);
            assertThat(fixtures.row(key).attempts()).as(key).isEqualTo(1);
        }
    }

    private void webhook(String key) {
        fixtures.webhook(key, endpoint.url(), secret, "hop.requested", Map.of("event", "hop.requested"));
    }

    private OutboxFixtures.Row afterAttempts(String key, int attempts) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> fixtures.row(key), row -> row.attempts() == attempts);
    }
}
