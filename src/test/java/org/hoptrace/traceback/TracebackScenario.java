package org.hoptrace.traceback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hoptrace.provider.Provider;
import org.hoptrace.provider.ProviderRepository;
import org.hoptrace.web.ConsoleClient;
import org.hoptrace.workflow.WorkflowEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One traceback scenario, run against each engine adapter with the production workers: a call is
 * traced over two hops to its origin. The terminating provider (email contact and webhook) names a
 * registered upstream through the REST API; the upstream names its customer as the origin; the
 * traceback closes as origin-found. Every step asserts what Hoptrace recorded (traceback row, hops,
 * answers, outbox notices). What the engine does between the steps is the {@link EnginePart}'s:
 * nothing to do for a real engine, the model's path played step by step for a fake one.
 */
public abstract class TracebackScenario {

    private static final ZoneId EASTERN = ZoneId.of("America/New_York");

    /** The engine's part of bpmn/traceback.bpmn between the scenario's steps. */
    public interface EnginePart {

        /** The process was started for the traceback: run it until hop 1's request is sent. */
        void processStarted(Traceback traceback);

        /**
         * The hop's answer was recorded: receive the {@code hop-response} message (with these
         * variables), route it, and run on until the next hop's request is sent or the traceback closed.
         */
        void hopAnswered(Hop hop, Map<String, Object> messageVariables);
    }

    /** A real engine: it runs the model itself. */
    public static final EnginePart REAL_ENGINE = new EnginePart() {
        @Override
        public void processStarted(Traceback traceback) {
        }

        @Override
        public void hopAnswered(Hop hop, Map<String, Object> messageVariables) {
        }
    };

    private final HttpClient http = HttpClient.newHttpClient();

    protected abstract TracebackService service();

    protected abstract TracebackFixtures fixtures();

    protected abstract TracebackRepository tracebacks();

    protected abstract ProviderRepository providers();

    protected abstract JdbcTemplate jdbc();

    protected abstract WorkflowEngine engine();

    protected abstract int port();

    protected abstract EnginePart enginePart();

    @AfterEach
    void resetEngineClock() {
        engine().clock().reset();
    }

    @Test
    void aTwoHopTracebackAnsweredThroughTheApiEndsAtTheOrigin() {
        // a weekday within business hours: hop-response-deadline gives 24 hours from the request
        ZonedDateTime tuesdayMorning = engine().clock().now().atZone(EASTERN)
                .with(TemporalAdjusters.next(DayOfWeek.TUESDAY)).withHour(10).withMinute(0).withSecond(0).withNano(0);
        engine().clock().advance(Duration.between(engine().clock().now(), tuesdayMorning.toInstant()));

        String terminatingWebhook = "http://127.0.0.1:9/hoptrace-webhook/" + UUID.randomUUID();
        Provider terminating = fixtures().provider("US", terminatingWebhook, "whsec-scenario");
        String terminatingSecret = apiCredentials(terminating);
        Provider upstream = fixtures().provider("US");
        String upstreamSecret = apiCredentials(upstream);

        // 1. staff open the traceback: the process starts and asks the terminating provider
        Traceback traceback = fixtures().open(terminating);
        assertThat(traceback.status()).isEqualTo(Traceback.Status.OPEN);
        assertThat(traceback.processInstanceKey()).isNotBlank();
        enginePart().processStarted(traceback);

        Hop first = fixtures().requestedHop(traceback.id(), 1);
        assertRequested(first, terminating);
        assertThat(notices(first)).containsExactly(
                "email " + terminating.contactEmails().get(0) + " Traceback request %s, hop 1: answer by %s"
                        .formatted(traceback.reference(), first.deadline()),
                "webhook " + terminatingWebhook + " hop.requested");

        // 2. the terminating provider names its registered upstream through the API
        HttpResponse<String> answer = answer(first, terminating, terminatingSecret,
                "{\"type\":\"upstream-registered\",\"upstreamProviderId\":\"" + upstream.id() + "\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(tracebacks().getHop(first.id()).status()).isEqualTo(Hop.Status.ANSWERED);
        enginePart().hopAnswered(first, messageVariables("upstream-registered", upstream.id()));

        Hop second = fixtures().requestedHop(traceback.id(), 2);
        assertRequested(second, upstream);
        assertThat(notices(second)).containsExactly(
                "email " + upstream.contactEmails().get(0) + " Traceback request %s, hop 2: answer by %s"
                        .formatted(traceback.reference(), second.deadline()));
        assertThat(tracebacks().get(traceback.id()).status()).isEqualTo(Traceback.Status.OPEN);

        // 3. the upstream names its customer: the origin
        answer = answer(second, upstream, upstreamSecret, "{\"type\":\"origin\",\"customerName\":\"Dialer Express Inc.\","
                + "\"customerDetails\":\"Account 4471\",\"comment\":\"customer suspended\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        enginePart().hopAnswered(second, messageVariables("origin", null));

        // 4. the traceback is closed as origin-found
        Traceback ended = fixtures().ended(traceback.id());
        assertThat(ended.status()).isEqualTo(Traceback.Status.COMPLETED);
        assertThat(ended.outcome()).isEqualTo(Traceback.Outcome.ORIGIN_FOUND);
        assertThat(ended.outcomeReason()).contains("hop 2").contains(upstream.legalName());
        assertThat(ended.completedAt()).isNotNull();
        assertThat(ended.processInstanceKey()).isEqualTo(traceback.processInstanceKey());

        List<Hop> hops = tracebacks().hops(traceback.id());
        assertThat(hops).extracting(Hop::number, Hop::providerId, Hop::status, Hop::requestCount).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, terminating.id(), Hop.Status.ANSWERED, 1),
                org.assertj.core.groups.Tuple.tuple(2, upstream.id(), Hop.Status.ANSWERED, 1));
        HopAnswer firstAnswer = tracebacks().answer(first.id()).orElseThrow();
        assertThat(firstAnswer.type()).isEqualTo(HopAnswer.Type.UPSTREAM_REGISTERED);
        assertThat(firstAnswer.upstreamProviderId()).isEqualTo(upstream.id());
        HopAnswer secondAnswer = tracebacks().answer(second.id()).orElseThrow();
        assertThat(secondAnswer.type()).isEqualTo(HopAnswer.Type.ORIGIN);
        assertThat(secondAnswer.customerName()).isEqualTo("Dialer Express Inc.");
        assertThat(List.of(firstAnswer, secondAnswer)).allSatisfy(recorded -> {
            assertThat(recorded.channel()).isEqualTo("api");
            assertThat(recorded.answeredBy()).isEqualTo("api key");
            assertThat(recorded.late()).isFalse();
        });
        // nothing was sent twice, no reminder, no non-responsive notice
        assertThat(jdbc().queryForList("select subject from outbox_message where body like ? order by message_id",
                String.class, "%" + traceback.reference() + "%")).hasSize(3)
                .noneMatch(subject -> subject.startsWith("Reminder") || subject.startsWith("Non-responsive"));
    }

    /** The hop-response message's variables, as the process must receive them. */
    protected static Map<String, Object> messageVariables(String answerType, UUID upstream) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("answerType", answerType);
        variables.put("upstreamProviderId", upstream == null ? null : upstream.toString());
        variables.put("upstreamForeign", false);
        variables.put("upstreamSeenBefore", false);
        return variables;
    }

    private void assertRequested(Hop hop, Provider provider) {
        assertThat(hop.providerId()).isEqualTo(provider.id());
        assertThat(hop.status()).isEqualTo(Hop.Status.REQUESTED);
        assertThat(hop.requestCount()).isOne();
        assertThat(hop.deadline()).isEqualTo(hop.requestedAt().plus(Duration.ofHours(24)));
        assertThat(hop.reminderAt()).isEqualTo(hop.deadline().minus(Duration.ofHours(4)));
    }

    /** The hop's outbox entries as "channel recipient subject", in the order they were written. */
    private List<String> notices(Hop hop) {
        return jdbc().queryForList("select channel || ' ' || recipient || ' ' || subject from outbox_message"
                + " where idempotency_key like ? order by message_id", String.class, hop.id() + ":%");
    }

    private String apiCredentials(Provider provider) {
        String keyId = "hpk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String secret = UUID.randomUUID().toString();
        providers().setApiCredentials(provider.id(), keyId, sha256(secret));
        return keyId + ":" + secret;
    }

    private HttpResponse<String> answer(Hop hop, Provider provider, String credentials, String json) {
        String[] userAndSecret = credentials.split(":", 2);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + "/api/v1/hops/"
                        + hop.id() + "/response"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", ConsoleClient.basic(userAndSecret[0], userAndSecret[1]))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("answering hop " + hop.number() + " as " + provider.legalName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
