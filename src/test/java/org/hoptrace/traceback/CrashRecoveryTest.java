package org.hoptrace.traceback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The service is killed (SIGKILL) while tracebacks wait for answers and their requests are still in
 * the outbox (the SMTP server and the providers' webhooks are down). After a restart every
 * traceback completes, and no provider receives the same request twice.
 */
@Tag("own-jvm")
class CrashRecoveryTest {

    private static final int TRACEBACKS = 3;
    private static final int CHAIN = 3;

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;
    private static GreenMail smtp;

    @BeforeAll
    static void startInfrastructure() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        jdbc = new JdbcTemplate(new DriverManagerDataSource(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres"));
        smtp = new GreenMail(new ServerSetup(ServiceProcess.freePort(), "localhost", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopInfrastructure() throws Exception {
        smtp.stop();
        postgres.close();
    }

    private List<String> arguments(int smtpPort) {
        return List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.mail.host=localhost", "--spring.mail.port=" + smtpPort,
                "--hoptrace.outbox.initial-backoff=PT1S", "--hoptrace.outbox.max-backoff=PT2S",
                "--hoptrace.demo-data=true");
    }

    @Test
    void afterAKillEveryTracebackCompletesAndNoRequestIsSentTwice() throws Exception {
        Path log = ServiceProcess.logFile("crash-recovery").toPath();
        try (SimulatedProviders providers = new SimulatedProviders()) {
            providers.available(false);
            List<UUID> tracebackIds = new ArrayList<>();
            ServiceProcess first = ServiceProcess.start(log, arguments(ServiceProcess.freePort()));
            List<SimulatedProviders.Registered> chain = registerChain(providers);
            providers.chain(chain);
            for (int i = 0; i < TRACEBACKS; i++) {
                tracebackIds.add(openTraceback(first, chain.get(0).id()));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                    "select count(*) from outbox_message where status = 'pending' and attempts > 0 and channel = 'webhook'",
                    Integer.class) == TRACEBACKS);
            assertThat(jdbc.queryForObject("select count(*) from outbox_message where status = 'pending' and channel = 'email'",
                    Integer.class)).isEqualTo(TRACEBACKS);

            first.kill();

            providers.available(true);
            try (ServiceProcess second = ServiceProcess.start(log, arguments(smtp.getSmtp().getPort()))) {
                providers.answerTo(() -> second.url(""));
                await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.queryForObject(
                        "select count(*) from traceback where status <> 'open'", Integer.class) == TRACEBACKS);
                // the requests that waited through the crash may still be in back-off when the last answer arrives
                await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                        "select count(*) from outbox_message where status <> 'sent'", Integer.class) == 0);
            }

            assertThat(providers.answerFailures()).isEmpty();
            assertThat(jdbc.queryForList("select outcome from traceback", String.class))
                    .hasSize(TRACEBACKS).containsOnly("origin-found");
            List<SimulatedProviders.Delivery> requests = providers.deliveries().stream()
                    .filter(delivery -> delivery.event().equals("hop.requested")).toList();
            assertThat(requests).hasSize(TRACEBACKS * CHAIN).allMatch(SimulatedProviders.Delivery::signatureValid);
            assertThat(requests.stream().collect(Collectors.groupingBy(SimulatedProviders.Delivery::hopId, Collectors.counting())))
                    .hasSize(TRACEBACKS * CHAIN).allSatisfy((hop, count) -> assertThat(count).isOne());
            Map<String, Long> emailsBySubject = new java.util.HashMap<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                emailsBySubject.merge(message.getSubject() + " -> " + message.getAllRecipients()[0], 1L, Long::sum);
            }
            assertThat(emailsBySubject).hasSize(TRACEBACKS * CHAIN).allSatisfy((subject, count) -> assertThat(count).isOne());
        }
    }

    private static List<SimulatedProviders.Registered> registerChain(SimulatedProviders providers) {
        List<SimulatedProviders.Registered> chain = new ArrayList<>();
        for (int i = 0; i < CHAIN; i++) {
            chain.add(providers.register(jdbc, "Crash Test Voice " + i, "noc" + i + "@crash-voice.example"));
        }
        return chain;
    }

    private static UUID openTraceback(ServiceProcess service, UUID terminating) throws Exception {
        String body = """
                {"callingNumber": "+12025550143", "calledNumber": "+13125550178", "callTime": "%s",
                 "terminatingProviderId": "%s", "priority": "normal"}""".formatted(java.time.Instant.now().minus(java.time.Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS), terminating);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(service.url("/api/v1/tracebacks")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("staff:hoptrace".getBytes()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return UUID.fromString(new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path("id").asText());
    }
}
