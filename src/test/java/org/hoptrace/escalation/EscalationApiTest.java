package org.hoptrace.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.HoptraceTest;
import org.hoptrace.provider.Provider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** /api/v1/escalations: read escalations, close a running one. */
@HoptraceTest
class EscalationApiTest {

    @Autowired EscalationFixtures fixtures;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newHttpClient();

    record Answer(int status, String contentType, JsonNode body) {
    }

    @Test
    void staffCloseARunningEscalationWithAReason() throws Exception {
        Provider provider = fixtures.provider(Provider.Role.INTERMEDIATE, "US");
        fixtures.flag(provider, fixtures.nonResponsiveHop(provider, "+13125550100"));
        Escalation escalation = fixtures.inCurePeriod(fixtures.escalationOf(provider));
        String path = "/api/v1/escalations/" + escalation.id();

        Answer running = send("GET", path, null, "staff");
        assertThat(running.status()).isEqualTo(200);
        assertThat(running.body().path("status").asText()).isEqualTo("running");
        assertThat(running.body().path("step").asText()).isEqualTo("warning");
        assertThat(running.body().path("stepDueAt").asText()).isNotEmpty();
        assertThat(running.body().path("flags")).hasSize(1);
        assertThat(running.body().path("scorecardUrl").asText()).endsWith("/cooperation/providers/" + provider.id());

        Answer noReason = send("POST", path + "/close", "{}", "staff");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.contentType()).startsWith("application/problem+json");
        assertThat(noReason.body().path("errors").get(0).path("field").asText()).isEqualTo("reason");
        assertThat(fixtures.current(escalation).isRunning()).isTrue();

        Answer closed = send("POST", path + "/close", "{\"reason\": \"provider answered by phone\"}", "staff");
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.body().path("outcome").asText()).isEqualTo("closed-by-staff");
        assertThat(closed.body().path("outcomeReason").asText()).isEqualTo("provider answered by phone");
        assertThat(closed.body().path("events").findValuesAsText("actor")).contains("staff");
        assertThat(jdbc.queryForObject("select count(*) from act_ru_execution where proc_inst_id_ = ?", Integer.class,
                escalation.processInstanceKey())).isZero();

        Answer again = send("POST", path + "/close", "{\"reason\": \"twice\"}", "staff");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");

        Answer list = send("GET", "/api/v1/escalations?providerId=" + provider.id() + "&status=closed", null, "staff");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().findValuesAsText("reference")).containsExactly(escalation.reference());
        assertThat(send("GET", "/api/v1/escalations?providerId=" + provider.id() + "&status=running", null, "staff")
                .body()).isEmpty();
    }

    @Test
    void badRequestsGetProblems() throws Exception {
        assertThat(send("GET", "/api/v1/escalations/" + UUID.randomUUID(), null, "staff").status()).isEqualTo(404);
        Answer badId = send("GET", "/api/v1/escalations/ESC-nonsense", null, "staff");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.contentType()).startsWith("application/problem+json");
        assertThat(send("GET", "/api/v1/escalations?status=paused", null, "staff").status()).isEqualTo(400);
        assertThat(send("POST", "/api/v1/escalations/" + UUID.randomUUID() + "/close", "{\"reason\": \"x\"}", "staff")
                .status()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/escalations", null, null).status()).isEqualTo(401);
        assertThat(send("GET", "/api/v1/escalations", null, "reviewer").status()).isEqualTo(403);
    }

    private Answer send(String method, String path, String body, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":hoptrace").getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body().isEmpty() ? json.nullNode() : json.readTree(response.body()));
    }
}
