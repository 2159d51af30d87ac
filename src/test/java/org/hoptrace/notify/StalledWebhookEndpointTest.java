package org.hoptrace.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An endpoint that stops talking cannot hold the relay: every attempt ends within the webhook
 * timeout, so it also ends within the relay's lease on the message. (Were it otherwise, the class
 * timeout would end the test.)
 */
@Timeout(30)
class StalledWebhookEndpointTest {

    static final Duration TIMEOUT = Duration.ofSeconds(1);

    final CountDownLatch released = new CountDownLatch(1);
    final ExecutorService handlers = Executors.newCachedThreadPool();
    HttpServer server;
    WebhookDelivery delivery;

    @BeforeEach
    void setUp() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(handlers);
        server.createContext("/silent", exchange -> stall());
        server.createContext("/error-body", exchange -> answerThenStall(exchange, 500));
        server.createContext("/accepted-body", exchange -> answerThenStall(exchange, 200));
        server.start();
        delivery = new WebhookDelivery(new OutboxSettings(true, Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofHours(1), 12, 10, 1, TIMEOUT, "hoptrace@localhost"), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        released.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void anEndpointThatNeverAnswersFailsTheAttemptWithinTheTimeout() {
        Instant started = Instant.now();

        assertThatThrownBy(() -> delivery.post(message("/silent")))
                .isInstanceOf(DeliveryFailedException.class).hasMessage("no answer within PT1S");
        assertThat(Duration.between(started, Instant.now())).isLessThan(TIMEOUT.multipliedBy(5));
    }

    @Test
    void anEndpointThatStallsInItsErrorBodyFailsTheAttemptWithinTheTimeout() {
        Instant started = Instant.now();

        assertThatThrownBy(() -> delivery.post(message("/error-body")))
                .isInstanceOf(DeliveryFailedException.class).hasMessage("no answer within PT1S");
        assertThat(Duration.between(started, Instant.now())).isLessThan(TIMEOUT.multipliedBy(5));
    }

    @Test
    void anEndpointThatAcceptsAndThenStallsHasTheWebhookAtOnce() throws Exception {
        Instant started = Instant.now();

        delivery.post(message("/accepted-body"));

        assertThat(Duration.between(started, Instant.now())).isLessThan(TIMEOUT.multipliedBy(5));
    }

    private OutboxMessage message(String path) {
        return new OutboxMessage(1, "stalled:" + path, OutboxMessage.Channel.WEBHOOK,
                "http://localhost:" + server.getAddress().getPort() + path, "hop.requested", "{\"event\":\"hop.requested\"}",
                "whsec_stalled", 0, Instant.now());
    }

    private void stall() {
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends the status and the start of a body that never ends. */
    private void answerThenStall(HttpExchange exchange, int status) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(status, 0);
        OutputStream body = exchange.getResponseBody();
        body.write("{\"error\":".getBytes(StandardCharsets.UTF_8));
        body.flush();
        stall();
    }
}
