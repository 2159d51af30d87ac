package org.hoptrace.traceback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.HoptraceTest;
import org.hoptrace.provider.Provider;
import org.hoptrace.workflow.WorkflowEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The staff traceback API over real HTTP: open, read, list, cancel, re-send, reopen. */
@HoptraceTest
class TracebackApiTest {

    @LocalServerPort int port;
    @Autowired ObjectMapper mapper;
    @Autowired TracebackFixtures fixtures;
    @Autowired TracebackService service;
    @Autowired WorkflowEngine engine;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    StaffApi staff;

    @BeforeEach
    void staffMember() {
        staff = new StaffApi(port, mapper, "staff");
    }

    @AfterEach
    void resetClock() {
        engine.clock().reset();
    }

    @Test
    void openingATracebackAnswers201WithItsReferenceAndAsksTheTerminatingProviderFirst() {
        Provider terminating = fixtures.provider("US");

        StaffApi.Response created = staff.post("/api/v1/tracebacks", call(terminating, "(202) 555-0143", "urgent"));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.location()).endsWith("/api/v1/tracebacks/" + id);
        assertThat(created.json().get("reference").asText())
                .matches("TB-" + clock.instant().atZone(ZoneOffset.UTC).getYear() + "-\\d{6}");
        assertThat(created.json().get("status").asText()).isEqualTo("open");
        assertThat(created.json().get("callingNumber").asText()).isEqualTo("+12025550143");
        assertThat(created.json().get("priority").asText()).isEqualTo("urgent");
        assertThat(created.json().get("createdBy").asText()).isEqualTo("staff");
        assertThat(created.json().get("terminatingProvider").get("name").asText()).isEqualTo(terminating.legalName());

        JsonNode hop = firstHop(id);
        assertThat(hop.get("number").asInt()).isEqualTo(1);
        assertThat(hop.get("provider").get("id").asText()).isEqualTo(terminating.id().toString());
        assertThat(hop.get("provider").get("name").asText()).isEqualTo(terminating.legalName());
        assertThat(hop.get("status").asText()).isEqualTo("requested");
        assertThat(hop.get("overdue").asBoolean()).isFalse();
        assertThat(Duration.between(Instant.parse(hop.get("requestedAt").asText()),
                Instant.parse(hop.get("deadline").asText()))).isGreaterThanOrEqualTo(Duration.ofHours(24));
        assertThat(hop.get("evidence")).isEmpty();
    }

    @Test
    void invalidFieldsAreA400ProblemNamingEachField() {
        Map<String, Object> call = call(fixtures.provider("US"), "12ab", null);
        call.put("callTime", clock.instant().plus(Duration.ofHours(3)).toString());
        call.put("terminatingProviderId", UUID.randomUUID().toString());
        call.put("attestation", "D");
        call.put("priority", "asap");

        StaffApi.Response rejected = staff.post("/api/v1/tracebacks", call);

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.json().get("type").asText()).isEqualTo("https://hoptrace.org/problems/validation-failed");
        assertThat(errors(rejected)).containsOnlyKeys("callingNumber", "callTime", "attestation", "terminatingProviderId",
                "priority");
        assertThat(errors(rejected).get("callingNumber")).isEqualTo("calling number '12ab' is not a phone number");
        assertThat(errors(rejected).get("callTime")).contains("in the future");
        assertThat(errors(rejected).get("terminatingProviderId")).contains("no registered provider");
        assertThat(jdbc.queryForObject("select count(*) from traceback where campaign = ?", Integer.class,
                call.get("campaign"))).isZero();
    }

    @Test
    void missingAncientAndOverlongFieldsAreRefused() {
        Map<String, Object> missing = call(fixtures.provider("US"), "+12025550143", null);
        missing.remove("callTime");
        missing.remove("calledNumber");
        Map<String, Object> ancient = call(fixtures.provider("US"), "+12025550143", null);
        ancient.put("callTime", "2020-01-01T00:00:00Z");
        Map<String, Object> garbled = call(fixtures.provider("US"), "+12025550143", null);
        garbled.put("callTime", "yesterday");

        assertThat(errors(staff.post("/api/v1/tracebacks", missing)))
                .containsEntry("callTime", "call time is required").containsEntry("calledNumber", "called number is required");
        assertThat(errors(staff.post("/api/v1/tracebacks", ancient)).get("callTime")).contains("more than 18 months ago");
        assertThat(errors(staff.post("/api/v1/tracebacks", garbled)).get("callTime")).contains("is not an ISO-8601 time");
        Map<String, Object> overlong = call(fixtures.provider("US"), "+12025550143", null);
        overlong.put("campaign", "x".repeat(201));
        overlong.put("originationId", "o".repeat(65));
        overlong.put("terminatingProviderId", "acme");
        assertThat(errors(staff.post("/api/v1/tracebacks", overlong)))
                .containsEntry("campaign", "campaign has 201 characters; at most 200 are allowed")
                .containsEntry("originationId", "origination id has 65 characters; at most 64 are allowed")
                .containsEntry("terminatingProviderId", "terminating provider id 'acme' is not a provider id (uuid)");
    }

    @Test
    void aTracebackIsReadByIdOrByReferenceWithItsHops() {
        Provider terminating = fixtures.provider("US");
        Traceback traceback = fixtures.open(terminating);
        fixtures.requestedHop(traceback.id(), 1);

        StaffApi.Response byId = staff.get("/api/v1/tracebacks/" + traceback.id());
        StaffApi.Response byReference = staff.get("/api/v1/tracebacks/" + traceback.reference().toLowerCase());

        assertThat(byId.status()).isEqualTo(200);
        assertThat(byReference.status()).isEqualTo(200);
        assertThat(byReference.json()).isEqualTo(byId.json());
        assertThat(byId.json().get("reference").asText()).isEqualTo(traceback.reference());
        assertThat(byId.json().get("hops")).hasSize(1);
        assertThat(byId.json().get("hops").get(0).get("provider").get("name").asText()).isEqualTo(terminating.legalName());
    }

    @Test
    void anAnsweredHopShowsTheAnswerAndTheNextHop() {
        Provider terminating = fixtures.provider("US");
        Provider upstream = fixtures.provider("US");
        Traceback traceback = fixtures.open(terminating);
        fixtures.answerUpstream(fixtures.requestedHop(traceback.id(), 1), upstream);
        fixtures.requestedHop(traceback.id(), 2);

        JsonNode hops = staff.get("/api/v1/tracebacks/" + traceback.reference()).json().get("hops");

        assertThat(hops).hasSize(2);
        JsonNode answer = hops.get(0).get("answer");
        assertThat(hops.get(0).get("status").asText()).isEqualTo("answered");
        assertThat(hops.get(0).get("answeredAt").asText()).isNotEmpty();
        assertThat(answer.get("type").asText()).isEqualTo("upstream-registered");
        assertThat(answer.get("upstream").get("name").asText()).isEqualTo(upstream.legalName());
        assertThat(answer.get("late").asBoolean()).isFalse();
        assertThat(answer.get("channel").asText()).isEqualTo("api");
        assertThat(hops.get(1).get("provider").get("id").asText()).isEqualTo(upstream.id().toString());
    }

    @Test
    void unknownTracebacksAndHopsAre404Problems() {
        Traceback traceback = fixtures.open(fixtures.provider("US"));
        fixtures.requestedHop(traceback.id(), 1);

        StaffApi.Response noTraceback = staff.get("/api/v1/tracebacks/TB-1999-000001");
        StaffApi.Response noHop = staff.post("/api/v1/tracebacks/" + traceback.id() + "/hops/7/resend");

        assertThat(noTraceback.status()).isEqualTo(404);
        assertThat(noTraceback.json().get("detail").asText()).isEqualTo("no traceback TB-1999-000001");
        assertThat(noHop.status()).isEqualTo(404);
        assertThat(noHop.json().get("detail").asText()).isEqualTo("traceback " + traceback.reference() + " has no hop 7");
    }

    @Test
    void theListFiltersByStatusCampaignAndProviderAndPagesNewestFirst() {
        String campaign = "Auto warranty " + UUID.randomUUID();
        Provider terminating = fixtures.provider("US");
        Provider other = fixtures.provider("US");
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            references.add(staff.post("/api/v1/tracebacks", withCampaign(call(terminating, "+12025550143", null), campaign))
                    .json().get("reference").asText());
        }
        String cancelled = staff.post("/api/v1/tracebacks", withCampaign(call(other, "+12025550143", null), campaign))
                .json().get("reference").asText();
        staff.post("/api/v1/tracebacks/" + cancelled + "/cancel", Map.of("reason", "opened twice"));

        JsonNode firstPage = staff.get("/api/v1/tracebacks?campaign=" + encode(campaign.toUpperCase())
                + "&status=open&size=2").json();
        JsonNode secondPage = staff.get("/api/v1/tracebacks?campaign=" + encode(campaign) + "&status=open&size=2&page=1").json();
        JsonNode byProvider = staff.get("/api/v1/tracebacks?providerId=" + other.id()).json();
        JsonNode byProviderName = staff.get("/api/v1/tracebacks?provider=" + encode(other.legalName())).json();
        JsonNode cancelledOnes = staff.get("/api/v1/tracebacks?campaign=" + encode(campaign) + "&outcome=cancelled").json();

        assertThat(firstPage.get("total").asLong()).isEqualTo(3);
        assertThat(firstPage.get("totalPages").asInt()).isEqualTo(2);
        assertThat(references(firstPage)).containsExactly(references.get(2), references.get(1));
        assertThat(references(secondPage)).containsExactly(references.get(0));
        assertThat(references(byProvider)).containsExactly(cancelled);
        assertThat(references(byProviderName)).containsExactly(cancelled);
        assertThat(references(cancelledOnes)).containsExactly(cancelled);
        JsonNode row = firstPage.get("items").get(0);
        assertThat(row.get("campaign").asText()).isEqualTo(campaign);
        assertThat(row.get("callingNumber").asText()).isEqualTo("+12025550143");
        assertThat(row.get("status").asText()).isEqualTo("open");
    }

    @Test
    void theListFindsOverdueTracebacksAndShowsTheirCurrentHop() {
        String campaign = "Utility disconnection " + UUID.randomUUID();
        Provider late = fixtures.provider("US");
        Traceback overdue = fixtures.overdue(late, campaign);
        Traceback onTime = fixtures.open(fixtures.provider("US"));
        jdbc.update("update traceback set campaign = ? where traceback_id = ?", campaign, onTime.id());
        fixtures.requestedHop(onTime.id(), 1);

        JsonNode list = staff.get("/api/v1/tracebacks?overdue=true&campaign=" + encode(campaign)).json();
        JsonNode all = staff.get("/api/v1/tracebacks?campaign=" + encode(campaign)).json();

        assertThat(references(list)).containsExactly(overdue.reference());
        JsonNode row = list.get("items").get(0);
        assertThat(row.get("overdue").asBoolean()).isTrue();
        assertThat(row.get("hopCount").asInt()).isEqualTo(1);
        assertThat(row.get("currentHopNumber").asInt()).isEqualTo(1);
        assertThat(row.get("currentProvider").get("name").asText()).isEqualTo(late.legalName());
        assertThat(Instant.parse(row.get("currentDeadline").asText())).isBefore(clock.instant());
        assertThat(all.get("total").asInt()).isEqualTo(2);
        assertThat(staff.get("/api/v1/tracebacks/" + overdue.reference()).json().get("hops").get(0).get("overdue")
                .asBoolean()).isTrue();
    }

    @Test
    void unknownFilterValuesAndOversizedPagesAre400() {
        assertThat(errors(staff.get("/api/v1/tracebacks?status=stalled"))).containsOnlyKeys("status");
        assertThat(errors(staff.get("/api/v1/tracebacks?outcome=found&providerId=acme")))
                .containsOnlyKeys("outcome", "providerId");
        assertThat(errors(staff.get("/api/v1/tracebacks?size=1000"))).containsOnlyKeys("size");
    }

    @Test
    void cancellingEndsTheTracebackOnceAndASecondCancelIsAConflict() {
        Traceback traceback = fixtures.open(fixtures.provider("US"));
        fixtures.waitingHop(traceback.id(), 1);

        StaffApi.Response withoutReason = staff.post("/api/v1/tracebacks/" + traceback.id() + "/cancel");
        StaffApi.Response cancelled = staff.post("/api/v1/tracebacks/" + traceback.id() + "/cancel",
                Map.of("reason", "duplicate of an earlier traceback"));
        StaffApi.Response again = staff.post("/api/v1/tracebacks/" + traceback.id() + "/cancel", Map.of("reason", "again"));

        assertThat(errors(withoutReason)).containsOnlyKeys("reason");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.json().get("outcome").asText()).isEqualTo("cancelled");
        assertThat(cancelled.json().get("outcomeReason").asText())
                .isEqualTo("duplicate of an earlier traceback (cancelled by staff)");
        assertThat(cancelled.json().get("hops").get(0).get("status").asText()).isEqualTo("cancelled");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("type").asText()).isEqualTo("https://hoptrace.org/problems/conflict");
        assertThat(again.json().get("detail").asText()).contains(traceback.reference()).contains("has ended already");
    }

    @Test
    void cancellingRightAfterOpeningSucceedsWhileTheFirstJobsRun() {
        Provider terminating = fixtures.provider("US");
        List<StaffApi.Response> cancels = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = staff.post("/api/v1/tracebacks", call(terminating, "+12025550143", null)).json().get("id").asText();
            cancels.add(staff.post("/api/v1/tracebacks/" + id + "/cancel", Map.of("reason", "opened by mistake")));
        }

        assertThat(cancels).extracting(StaffApi.Response::status).containsOnly(200);
        assertThat(cancels).extracting(response -> response.json().get("outcome").asText()).containsOnly("cancelled");
    }

    @Test
    void resendingAWaitingHopSendsTheRequestAgainButNotForAnAnsweredHop() {
        Provider terminating = fixtures.provider("US");
        Traceback traceback = fixtures.open(terminating);
        Hop hop = fixtures.requestedHop(traceback.id(), 1);

        StaffApi.Response resent = staff.post("/api/v1/tracebacks/" + traceback.reference() + "/hops/1/resend");

        assertThat(resent.status()).isEqualTo(200);
        assertThat(requestEmails(traceback)).isEqualTo(2);
        fixtures.answerNotFound(hop);
        fixtures.ended(traceback.id());
        StaffApi.Response refused = staff.post("/api/v1/tracebacks/" + traceback.reference() + "/hops/1/resend");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).isEqualTo("hop 1 is answered, not waiting for an answer");
        assertThat(requestEmails(traceback)).isEqualTo(2);
    }

    @Test
    void reopeningTheNonResponsiveLastHopAsksItsProviderAgain() {
        Traceback traceback = fixtures.open(fixtures.provider("US"));
        Hop hop = fixtures.waitingHop(traceback.id(), 1);
        StaffApi.Response tooEarly = staff.post("/api/v1/tracebacks/" + traceback.id() + "/hops/1/reopen");
        engine.clock().advance(Duration.between(engine.clock().now(), hop.deadline().plusSeconds(60)));
        assertThat(fixtures.ended(traceback.id()).outcome()).isEqualTo(Traceback.Outcome.NON_RESPONSIVE);

        StaffApi.Response reopened = staff.post("/api/v1/tracebacks/" + traceback.id() + "/hops/1/reopen");

        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.json().get("detail").asText()).contains("only non-responsive or cancelled hops can be reopened");
        assertThat(reopened.status()).isEqualTo(200);
        assertThat(reopened.json().get("status").asText()).isEqualTo("open");
        assertThat(reopened.json().has("outcome")).isFalse();
        Hop again = fixtures.requestedHop(traceback.id(), 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> fixtures.requestedHop(traceback.id(), 1).deadline()
                .isAfter(hop.deadline()));
        assertThat(again.requestCount()).isEqualTo(2);
        assertThat(staff.get("/api/v1/tracebacks/" + traceback.id()).json().get("hops").get(0).get("requestCount").asInt())
                .isEqualTo(2);
    }

    @Test
    void onlyItgStaffAndAdministratorsUseTheTracebackApi() {
        Provider terminating = fixtures.provider("US");
        StaffApi reviewer = new StaffApi(port, mapper, "reviewer");
        StaffApi admin = new StaffApi(port, mapper, "admin");

        assertThat(reviewer.get("/api/v1/tracebacks").status()).isEqualTo(403);
        assertThat(reviewer.post("/api/v1/tracebacks", call(terminating, "+12025550143", null)).status()).isEqualTo(403);
        assertThat(new StaffApi(port, mapper, "nobody").get("/api/v1/tracebacks").status()).isEqualTo(401);
        assertThat(admin.get("/api/v1/tracebacks?size=1").status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/tracebacks", call(terminating, "+12025550143", null)).status()).isEqualTo(201);
    }

    @Test
    void theOpenApiDocumentDescribesTheTracebackApi() {
        JsonNode paths = staff.get("/v3/api-docs").json().get("paths");

        assertThat(paths.get("/api/v1/tracebacks").has("post")).isTrue();
        assertThat(paths.get("/api/v1/tracebacks").has("get")).isTrue();
        assertThat(paths.get("/api/v1/tracebacks/{id}").has("get")).isTrue();
        assertThat(paths.has("/api/v1/tracebacks/{id}/cancel")).isTrue();
        assertThat(paths.has("/api/v1/tracebacks/{id}/hops/{number}/resend")).isTrue();
        assertThat(paths.has("/api/v1/tracebacks/{id}/hops/{number}/reopen")).isTrue();
    }

    private Map<String, Object> call(Provider terminating, String callingNumber, String priority) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("callingNumber", callingNumber);
        call.put("calledNumber", "312-555-0178");
        call.put("callTime", clock.instant().minus(Duration.ofHours(5)).toString());
        call.put("campaign", "SSA impersonation " + UUID.randomUUID());
        call.put("attestation", "c");
        call.put("originationId", "9a3f7c2e-5b1d-4e8a-b6f0-0c2d4e6f8a1b");
        call.put("terminatingProviderId", terminating.id().toString());
        if (priority != null) {
            call.put("priority", priority);
        }
        return call;
    }

    private static Map<String, Object> withCampaign(Map<String, Object> call, String campaign) {
        call.put("campaign", campaign);
        return call;
    }

    private JsonNode firstHop(String id) {
        return await().atMost(Duration.ofSeconds(15))
                .until(() -> staff.get("/api/v1/tracebacks/" + id).json().get("hops"), hops -> hops.size() == 1
                        && hops.get(0).has("deadline")).get(0);
    }

    private static Map<String, String> errors(StaffApi.Response response) {
        assertThat(response.status()).isEqualTo(400);
        Map<String, String> errors = new LinkedHashMap<>();
        response.json().get("errors").forEach(error -> errors.put(error.get("field").asText(), error.get("message").asText()));
        return errors;
    }

    private static List<String> references(JsonNode page) {
        List<String> references = new ArrayList<>();
        page.get("items").forEach(item -> references.add(item.get("reference").asText()));
        return references;
    }

    private int requestEmails(Traceback traceback) {
        return jdbc.queryForObject("select count(*) from outbox_message where channel = 'email' and subject like ?",
                Integer.class, "Traceback request " + traceback.reference() + "%");
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
