package org.hoptrace.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.HoptraceTest;
import org.hoptrace.provider.ProviderRepository;
import org.hoptrace.traceback.Hop;
import org.hoptrace.traceback.HopAnswer;
import org.hoptrace.traceback.Traceback;
import org.hoptrace.traceback.TracebackFixtures;
import org.hoptrace.traceback.TracebackRepository;
import org.hoptrace.traceback.TracebackService;
import org.hoptrace.workflow.WorkflowEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Providers answering hops through POST /api/v1/hops/{hopId}/response with their API credentials. */
@HoptraceTest
class HopApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired TracebackFixtures fixtures;
    @Autowired TracebackRepository tracebacks;
    @Autowired TracebackService service;
    @Autowired ProviderRepository providers;
    @Autowired WorkflowEngine engine;

    @AfterEach
    void resetClock() {
        engine.clock().reset();
    }

    @Test
    void anAnswerIsRecordedWith201AndTheTracebackAsksTheUpstreamProviderNext() throws Exception {
        ProviderApi terminating = newProvider();
        ProviderApi upstream = newProvider();
        Traceback traceback = fixtures.open(terminating.provider());
        Hop hop = fixtures.requestedHop(traceback.id(), 1);

        HttpResponse<String> response = terminating.answer(hop.id(), upstreamRegistered(upstream));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/hops/" + hop.id());
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("type").asText()).isEqualTo("upstream-registered");
        assertThat(body.path("upstreamProviderId").asText()).isEqualTo(upstream.provider().id().toString());
        assertThat(body.path("channel").asText()).isEqualTo("api");
        assertThat(body.path("late").asBoolean()).isFalse();
        assertThat(tracebacks.answer(hop.id()).orElseThrow().answeredBy()).isEqualTo("api key");
        Hop next = fixtures.requestedHop(traceback.id(), 2);
        assertThat(next.providerId()).isEqualTo(upstream.provider().id());
        assertThat(tracebacks.getHop(hop.id()).status()).isEqualTo(Hop.Status.ANSWERED);
    }

    @Test
    void theHopShowsTheCallTheDeadlineAndLaterTheAnswer() throws Exception {
        ProviderApi provider = newProvider();
        Traceback traceback = fixtures.open(provider.provider());
        Hop hop = fixtures.requestedHop(traceback.id(), 1);

        JsonNode before = JSON.readTree(provider.get("/api/v1/hops/" + hop.id()).body());
        provider.answer(hop.id(), "{\"type\":\"origin\",\"customerName\":\"Dialer Express Inc.\",\"comment\":\"suspended\"}");
        JsonNode after = JSON.readTree(provider.get("/api/v1/hops/" + hop.id()).body());

        assertThat(before.path("tracebackReference").asText()).isEqualTo(traceback.reference());
        assertThat(before.path("hopNumber").asInt()).isEqualTo(1);
        assertThat(before.path("status").asText()).isEqualTo("requested");
        assertThat(before.path("deadline").asText()).isEqualTo(hop.deadline().toString());
        assertThat(before.path("call").path("callingNumber").asText()).isEqualTo("+12025550143");
        assertThat(before.path("call").path("calledNumber").asText()).isEqualTo("+13125550178");
        assertThat(before.path("call").path("callTime").asText()).isEqualTo("2026-11-20T15:04:05Z");
        assertThat(before.path("call").path("attestation").asText()).isEqualTo("C");
        assertThat(before.has("answer")).isFalse();
        assertThat(after.path("answer").path("type").asText()).isEqualTo("origin");
        assertThat(after.path("answer").path("customerName").asText()).isEqualTo("Dialer Express Inc.");
        assertThat(after.path("answer").path("comment").asText()).isEqualTo("suspended");
    }

    @Test
    void theIdenticalAnswerAgainIs200WithTheSameBodyAndChangesNothing() {
        ProviderApi provider = newProvider();
        Hop hop = fixtures.requestedHop(fixtures.open(provider.provider()).id(), 1);
        String answer = "{\"type\":\"not-found\",\"explanation\":\"No CDR for this call\"}";

        HttpResponse<String> first = provider.answer(hop.id(), answer);
        HttpResponse<String> again = provider.answer(hop.id(), answer);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
    }

    @Test
    void aDifferentSecondAnswerIsRefusedWith409AndTheFirstStands() {
        ProviderApi provider = newProvider();
        Hop hop = fixtures.requestedHop(fixtures.open(provider.provider()).id(), 1);
        provider.answer(hop.id(), "{\"type\":\"not-found\",\"explanation\":\"No CDR for this call\"}");

        HttpResponse<String> different = provider.answer(hop.id(), "{\"type\":\"origin\",\"customerName\":\"Dialer Express\"}");

        assertThat(different.statusCode()).isEqualTo(409);
        assertThat(different.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(different.body()).contains("\"type\":\"https://hoptrace.org/problems/answer-conflict\"");
        assertThat(tracebacks.answer(hop.id()).orElseThrow().type()).isEqualTo(HopAnswer.Type.NOT_FOUND);
    }

    @Test
    void aProviderNeitherSeesNorAnswersAnotherProvidersHopWhichLooksLikeAnUnknownHop() {
        ProviderApi owner = newProvider();
        ProviderApi other = newProvider();
        Hop hop = fixtures.requestedHop(fixtures.open(owner.provider()).id(), 1);

        HttpResponse<String> read = other.get("/api/v1/hops/" + hop.id());
        HttpResponse<String> answer = other.answer(hop.id(), "{\"type\":\"not-found\",\"explanation\":\"not ours\"}");
        HttpResponse<String> unknown = other.get("/api/v1/hops/" + UUID.randomUUID());

        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(read.body()).contains("\"type\":\"https://hoptrace.org/problems/hop-not-found\"");
        assertThat(read.body().replace(hop.id().toString(), "ID"))
                .isEqualTo(unknown.body().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "ID"));
        assertThat(tracebacks.answer(hop.id())).isEmpty();
    }

    @Test
    void withoutOrWithWrongCredentialsTheApiAnswers401() {
        ProviderApi provider = newProvider();
        Hop hop = fixtures.requestedHop(fixtures.open(provider.provider()).id(), 1);
        String answer = "{\"type\":\"not-found\",\"explanation\":\"No CDR\"}";

        assertThat(provider.as(null, null).answer(hop.id(), answer).statusCode()).isEqualTo(401);
        assertThat(provider.as(provider.keyId(), "wrong-secret").answer(hop.id(), answer).statusCode()).isEqualTo(401);
        assertThat(provider.as("hpk_unknown", "whatever").get("/api/v1/hops/" + hop.id()).statusCode()).isEqualTo(401);
        assertThat(tracebacks.answer(hop.id())).isEmpty();
    }

    @Test
    void anUnknownUpstreamProviderIdIs400NamingTheField() throws Exception {
        ProviderApi provider = newProvider();
        Hop hop = fixtures.requestedHop(fixtures.open(provider.provider()).id(), 1);

        HttpResponse<String> response = provider.answer(hop.id(),
                "{\"type\":\"upstream-registered\",\"upstreamProviderId\":\"" + UUID.randomUUID() + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(fieldsIn(response)).containsExactly("upstreamProviderId");
        assertThat(response.body()).contains("\"instance\":\"/api/v1/hops/" + hop.id() + "/response\"");
        assertThat(tracebacks.answer(hop.id())).isEmpty();
    }

    @Test
    void notFoundWithoutAnExplanationIs400NamingTheField() throws Exception {
        ProviderApi provider = newProvider();
        Hop hop = fixtures.requestedHop(fixtures.open(provider.provider()).id(), 1);

        HttpResponse<String> response = provider.answer(hop.id(), "{\"type\":\"not-found\",\"explanation\":\"  \"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fieldsIn(response)).containsExactly("explanation");
        assertThat(JSON.readTree(response.body()).path("errors").get(0).path("message").asText())
                .isEqualTo("explain why the call cannot be found");
        assertThat(tracebacks.answer(hop.id())).isEmpty();
    }

    @Test
    void anUnknownTypeAndAnIdThatIsNoIdAre400NamingTheFields() throws Exception {
        ProviderApi provider = newProvider();
        Hop hop = fixtures.requestedHop(fixtures.open(provider.provider()).id(), 1);

        assertThat(fieldsIn(provider.answer(hop.id(), "{\"type\":\"upstream\"}"))).containsExactly("type");
        assertThat(fieldsIn(provider.answer(hop.id(), "{\"type\":\"upstream-registered\",\"upstreamProviderId\":\"Acme\"}")))
                .containsExactly("upstreamProviderId");
        assertThat(fieldsIn(provider.answer(hop.id(), "{\"type\":\"upstream-unregistered\",\"upstreamName\":\"Acme\"}")))
                .containsExactlyInAnyOrder("upstreamEmail", "upstreamCountry");
    }

    @Test
    void malformedJsonIs400ProblemJson() {
        ProviderApi provider = newProvider();
        Hop hop = fixtures.requestedHop(fixtures.open(provider.provider()).id(), 1);

        HttpResponse<String> response = provider.answer(hop.id(), "{\"type\":\"not-found\",");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"https://hoptrace.org/problems/malformed-request\"")
                .contains("not valid JSON").doesNotContain("at org.");
    }

    @Test
    void anAnswerToACancelledTracebackIs409() {
        ProviderApi provider = newProvider();
        Traceback traceback = fixtures.open(provider.provider());
        Hop hop = fixtures.waitingHop(traceback.id(), 1);
        service.cancel(traceback.id(), "opened by mistake");

        HttpResponse<String> response = provider.answer(hop.id(), "{\"type\":\"not-found\",\"explanation\":\"No CDR\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("\"type\":\"https://hoptrace.org/problems/hop-closed\"");
        assertThat(tracebacks.answer(hop.id())).isEmpty();
    }

    @Test
    void anAnswerAfterTheDeadlineIsRecordedAndSaysLate() throws Exception {
        ProviderApi provider = newProvider();
        Traceback traceback = fixtures.open(provider.provider());
        Hop hop = fixtures.waitingHop(traceback.id(), 1);
        engine.clock().advance(Duration.between(engine.clock().now(), hop.deadline().plusSeconds(60)));
        fixtures.ended(traceback.id());

        HttpResponse<String> response = provider.answer(hop.id(), "{\"type\":\"not-found\",\"explanation\":\"No CDR\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(response.body()).path("late").asBoolean()).isTrue();
        assertThat(tracebacks.answer(hop.id()).orElseThrow().late()).isTrue();
    }

    @Test
    void staffReadEveryHopButDoNotAnswerForProviders() {
        ProviderApi provider = newProvider();
        Hop hop = fixtures.requestedHop(fixtures.open(provider.provider()).id(), 1);
        ProviderApi staff = provider.as("staff", "hoptrace");

        assertThat(staff.get("/api/v1/hops/" + hop.id()).statusCode()).isEqualTo(200);
        assertThat(staff.answer(hop.id(), "{\"type\":\"not-found\",\"explanation\":\"No CDR\"}").statusCode()).isEqualTo(403);
        assertThat(tracebacks.answer(hop.id())).isEmpty();
    }

    @Test
    void providerCredentialsOpenNoOtherPartOfTheApi() {
        ProviderApi provider = newProvider();

        assertThat(provider.get("/api/v1/me").body()).contains("\"roles\":[\"ROLE_PROVIDER\"]");
        assertThat(provider.get("/api/v1/tracebacks").statusCode()).isEqualTo(403);
        assertThat(provider.get("/actuator/info").statusCode()).isEqualTo(403);
        assertThat(provider.get("/engine-rest/engine").statusCode()).isEqualTo(403);
    }

    private ProviderApi newProvider() {
        return ProviderApi.newProvider(fixtures, providers, port);
    }

    private static String upstreamRegistered(ProviderApi upstream) {
        return "{\"type\":\"upstream-registered\",\"upstreamProviderId\":\"" + upstream.provider().id() + "\"}";
    }

    private static List<String> fieldsIn(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        JSON.readTree(response.body()).path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }
}
