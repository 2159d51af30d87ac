package org.hoptrace.traceback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.hoptrace.HoptraceTest;
import org.hoptrace.provider.Provider;
import org.hoptrace.provider.ProviderRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a provider receives when Hoptrace asks it for a hop: an email at its traceback contacts whose
 * link opens the hop in the portal, and a webhook to its own endpoint whose signature verifies.
 */
@HoptraceTest
class HopRequestNoticesTest {

    private static final Pattern LINK = Pattern.compile("(https?://\\S+/portal/hops/\\S+)");

    @Autowired GreenMail smtp;
    @Autowired JdbcTemplate jdbc;
    @Autowired ProviderRepository providers;
    @Autowired TracebackService tracebacks;
    @Autowired TracebackFixtures fixtures;
    @Value("${hoptrace.base-url}") String baseUrl;
    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theRequestEmailReachesTheProvidersContactsAndItsLinkOpensTheHop() throws Exception {
        Provider terminating = fixtures.provider("US");
        Traceback traceback = fixtures.open(terminating);
        Hop hop = fixtures.requestedHop(traceback.id(), 1);
        String contact = terminating.contactEmails().get(0);

        MimeMessage email = awaitEmailTo(contact);

        assertThat(addresses(email.getRecipients(MimeMessage.RecipientType.TO))).containsExactly(contact);
        assertThat(email.getSubject()).isEqualTo("Traceback request %s, hop 1: answer by %s"
                .formatted(traceback.reference(), hop.deadline()));
        String body = GreenMailUtil.getBody(email);
        assertThat(body).contains(traceback.callingNumber(), traceback.calledNumber());
        Matcher link = LINK.matcher(body.replace("=\r\n", "").replace("=3D", "="));
        assertThat(link.find()).as("a response link in:%n%s", body).isTrue();
        assertThat(link.group(1)).startsWith(baseUrl + "/portal/hops/" + hop.id() + "?token=");

        HttpResponse<String> page = get(link.group(1).substring(baseUrl.length()));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(traceback.reference(), traceback.callingNumber());

        String tampered = link.group(1).substring(baseUrl.length()).replaceFirst("token=.", "token=X");
        assertThat(get(tampered).statusCode()).isEqualTo(403);
    }

    @Test
    void aProviderWithAWebhookGetsTheRequestSignedWithItsSecret() throws Exception {
        try (SimulatedProviders endpoint = new SimulatedProviders()) {
            SimulatedProviders.Registered registered = endpoint.register(jdbc, "Signed Voice " + UUID.randomUUID(),
                    "noc@signed-voice.example");
            endpoint.chain(List.of(registered));
            Traceback traceback = tracebacks.open(new NewTraceback("+12025550143", "+13125550178",
                    Instant.parse("2026-11-20T15:04:05Z"), null, "A", null, registered.id(), Traceback.Priority.NORMAL),
                    "staff");
            Hop hop = fixtures.requestedHop(traceback.id(), 1);

            await().atMost(Duration.ofSeconds(30)).until(() -> !endpoint.deliveries().isEmpty());

            SimulatedProviders.Delivery delivery = endpoint.deliveries().get(0);
            assertThat(delivery.providerId()).isEqualTo(registered.id());
            assertThat(delivery.event()).isEqualTo("hop.requested");
            assertThat(delivery.hopId()).isEqualTo(hop.id());
            assertThat(delivery.signatureValid()).as("Hoptrace-Signature verifies with the provider's secret").isTrue();
            assertThat(delivery.idempotencyKey()).isEqualTo(hop.id() + ":1:request:webhook");
            assertThat(endpoint.deliveries()).hasSize(1);
        }
    }

    private MimeMessage awaitEmailTo(String address) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> recipients(message).contains(address))
                .findFirst().orElse(null), message -> message != null);
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return addresses(message.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
