package org.hoptrace.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.hoptrace.HoptraceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Outbox webhooks, delivered by the relay to a real local HTTP endpoint. */
@HoptraceTest
@ExtendWith(OutputCaptureExtension.class)
class WebhookDeliveryTest {

    @Autowired Outbox outbox;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;
    @Autowired MeterRegistry meters;

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
        endpoint.close();
        fixtures.purge();
    }

    @Test
    void aWebhookArrivesWithItsHeadersAndASignatureMadeWithTheProvidersSecret() throws Exception {
        String key = fixtures.key("signed");
        Map<String, Object> payload = Map.of("event", "hop.requested", "hopId", UUID.randomUUID().toString(),
                "hopNumber", 2, "call", Map.of("callingNumber", "+12025550143", "calledNumber", "+13125550178"));
        double deliveredBefore = counter("hoptrace.outbox.delivered");
        Instant before = clock.instant();

        fixtures.webhook(key, endpoint.url(), secret, "hop.requested", payload);

        WebhookEndpoint.Request request = arrived(key).get(0);
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.event()).isEqualTo("hop.requested");
        assertThat(new ObjectMapper().readTree(request.body())).isEqualTo(new ObjectMapper().valueToTree(payload));
        assertThat(Long.parseLong(request.timestamp())).isBetween(before.getEpochSecond(), clock.instant().getEpochSecond());
        assertThat(request.signature()).isEqualTo("v1=" + hmacSha256Hex(secret, request.timestamp() + "." + request.body()));
        assertThat(WebhookSignature.verify(secret, request.timestamp(), request.body(), request.signature())).isTrue();
        OutboxFixtures.Row row = await().atMost(Duration.ofSeconds(15)).until(() -> fixtures.row(key),
                r -> r.status().equals("sent"));
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.sentAt()).isNotNull();
        assertThat(endpoint.requests(key)).hasSize(1);
        assertThat(counter("hoptrace.outbox.delivered")).isGreaterThanOrEqualTo(deliveredBefore + 1);
    }

    @Test
    void anEndpointThatRefusesTheWebhookCountsAsAFailedAttemptAndIsLoggedAsRejected(CapturedOutput output) {
        endpoint.answer(401);
        String key = fixtures.key("refused");
        double failedBefore = counter("hoptrace.outbox.failed");

        fixtures.webhook(key, endpoint.url(), secret, "hop.reminder", Map.of("event", "hop.reminder"));

        OutboxFixtures.Row row = await().atMost(Duration.ofSeconds(15)).until(() -> fixtures.row(key),
                r -> r.attempts() == 1);
        assertThat(row.status()).isEqualTo("pending");
        assertThat(row.lastError()).startsWith("HTTP 401").contains("try later");
        assertThat(row.nextAttemptAt()).isAfter(clock.instant());
        assertThat(meters.get("hoptrace.outbox.pending").gauge().value()).isGreaterThanOrEqualTo(1);
        assertThat(counter("hoptrace.outbox.failed")).isGreaterThanOrEqualTo(failedBefore + 1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .containsPattern("webhook \\d+ \\(" + key + "\\) to .* was REJECTED by the receiver \\(HTTP 401"));
    }

    @Test
    void anEndpointNobodyListensOnIsAFailedAttempt() {
        String url = endpoint.url();
        endpoint.close();
        String key = fixtures.key("nobody");

        fixtures.webhook(key, url, secret, "hop.requested", Map.of("event", "hop.requested"));

        OutboxFixtures.Row row = await().atMost(Duration.ofSeconds(15)).until(() -> fixtures.row(key),
                r -> r.attempts() == 1);
        assertThat(row.status()).isEqualTo("pending");
        assertThat(row.lastError()).contains("ConnectException");
    }

    private List<WebhookEndpoint.Request> arrived(String key) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> endpoint.requests(key), requests -> !requests.isEmpty());
    }

    private double counter(String name) {
        return meters.get(name).tag("channel", "webhook").counter().count();
    }

    /** Computed here rather than with WebhookSignature, as a provider would. */
    private static String hmacSha256Hex(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
