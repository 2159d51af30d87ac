package org.hoptrace.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.HoptraceTest;
import org.hoptrace.provider.Provider;
import org.hoptrace.traceback.TracebackFixtures;
import org.hoptrace.web.ConsoleClient;
import org.hoptrace.web.JsonApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** REST /api/v1/campaigns and the console's /campaigns pages, over real HTTP. */
@HoptraceTest
class CampaignApiAndPagesTest {

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired CampaignReviewFixtures fixtures;
    @Autowired TracebackFixtures tracebacks;
    @Autowired JdbcTemplate jdbc;

    static class Api extends JsonApiClient {
        Api(int port, ObjectMapper json) {
            super(port, json);
        }

        Answer patch(String path, String user, String body) {
            return send(request(path, user).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
        }
    }

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port, json);
        // below every threshold, so that no process acts on them while the tests look
        jdbc.update("update campaign set status = 'dismissed' where status <> 'dismissed'");
    }

    @Test
    void campaignsAreListedByVolumeOrGrowthAndFilteredByStatusAndCategory() {
        String category = "test-" + UUID.randomUUID().toString().substring(0, 8);
        UUID big = fixtures.campaign("Big steady", category, 900, "{}");
        UUID growing = fixtures.campaign("Small growing", category, 80, "{}");
        fixtures.volume(big, 2, 40);
        fixtures.volume(big, 30, 40);
        fixtures.volume(growing, 1, 60);
        fixtures.volume(growing, 25, 10);

        JsonNode byVolume = api.get("/api/v1/campaigns?category=" + category, "staff").json();
        JsonNode byGrowth = api.get("/api/v1/campaigns?sort=growth&category=" + category, "staff").json();
        JsonNode ascending = api.get("/api/v1/campaigns?sort=volume&dir=asc&category=" + category, "staff").json();

        assertThat(names(byVolume)).containsExactly("Big steady", "Small growing");
        assertThat(names(byGrowth)).containsExactly("Small growing", "Big steady");
        assertThat(names(ascending)).containsExactly("Small growing", "Big steady");
        assertThat(byGrowth.get("items").get(0).get("growth").decimalValue()).isEqualByComparingTo("6.00");
        assertThat(byGrowth.get("items").get(0).get("calls24h").asLong()).isEqualTo(60);
        assertThat(byVolume.get("total").asLong()).isEqualTo(2);
        assertThat(names(api.get("/api/v1/campaigns?status=dismissed&category=" + category, "staff").json())).isEmpty();

        var invalid = api.get("/api/v1/campaigns?sort=loudness&size=500", "staff");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.errorFields()).containsExactly("sort", "size");
        assertThat(api.get("/api/v1/campaigns", null).status()).isEqualTo(401);

        ConsoleClient browser = new ConsoleClient(port);
        browser.logIn("staff", "hoptrace");
        String page = browser.get("/campaigns?sort=growth&category=" + category).body();
        assertThat(page).contains("<h1>Campaigns</h1>").contains("2 campaigns");
        assertThat(page.indexOf("Small growing")).isLessThan(page.indexOf("Big steady"));
        assertThat(browser.get("/campaigns?sort=loudness").body()).contains("sort is one of volume, growth, last-seen, name");
    }

    @Test
    void aCampaignShowsItsVolumeCallsTracebacksAndEcosystem() {
        Provider terminating = fixtures.provider();
        Provider upstream = fixtures.provider();
        UUID campaign = fixtures.campaign("Utility shut-off", "utility-disconnection", 50, "{\"IL\": 50}");
        UUID other = fixtures.campaign("Other campaign", "other", 10, "{}");
        List<Long> calls = fixtures.calls(campaign, fixtures.source(terminating), 3);
        List<Long> otherCalls = fixtures.calls(other, fixtures.source(terminating), 1);
        fixtures.volume(campaign, 3, 20);
        fixtures.volume(campaign, 27, 30);

        var started = api.post("/api/v1/campaigns/" + campaign + "/tracebacks", "staff", Map.of("callId", calls.get(0)));
        assertThat(started.status()).isEqualTo(201);
        UUID traceback = UUID.fromString(started.json().get("tracebackIds").get(0).asText());
        assertThat(jdbc.queryForObject("select campaign_id from traceback where traceback_id = ?", UUID.class, traceback)).isEqualTo(campaign);
        assertThat(api.post("/api/v1/campaigns/" + campaign + "/tracebacks", "staff", Map.of("callId", calls.get(0))).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/campaigns/" + campaign + "/tracebacks", "staff", Map.of("callId", otherCalls.get(0))).status()).isEqualTo(400);
        tracebacks.answerUpstream(tracebacks.waitingHop(traceback, 1), upstream);
        tracebacks.answerOrigin(tracebacks.waitingHop(traceback, 2));
        UUID otherTraceback = UUID.fromString(api.post("/api/v1/campaigns/" + other + "/tracebacks", "staff", Map.of("callId", otherCalls.get(0)))
                .json().get("tracebackIds").get(0).asText());
        tracebacks.answerUpstream(tracebacks.waitingHop(otherTraceback, 1), upstream);

        JsonNode detail = api.get("/api/v1/campaigns/" + campaign, "staff").json();
        assertThat(detail.get("reference").asText()).isEqualTo(fixtures.reference(campaign));
        assertThat(detail.get("tracebacks").get(0).get("tracebackId").asText()).isEqualTo(traceback.toString());
        assertThat(detail.get("calledStates").get("IL").asLong()).isEqualTo(50);
        JsonNode volume = api.get("/api/v1/campaigns/" + campaign + "/volume?by=hour", "staff").json();
        assertThat(volume.get("buckets")).hasSize(48);
        long total = 0;
        for (JsonNode bucket : volume.get("buckets")) {
            total += bucket.get("calls").asLong();
        }
        assertThat(total).isEqualTo(50);
        assertThat(api.get("/api/v1/campaigns/" + campaign + "/volume?by=week", "staff").errorFields()).containsExactly("by");
        JsonNode ecosystem = api.get("/api/v1/campaigns/" + campaign + "/ecosystem", "staff").json();
        assertThat(ecosystem.get("providers")).hasSize(2);
        assertThat(ecosystem.get("providers").get(1).get("name").asText()).isEqualTo(upstream.legalName());
        assertThat(ecosystem.get("providers").get(1).get("origin").asBoolean()).isTrue();
        assertThat(ecosystem.get("providers").get(1).get("otherCampaigns").get(0).asText()).isEqualTo(fixtures.reference(other));
        assertThat(ecosystem.get("handoffs").get(0).get("upstream").asText()).isEqualTo(upstream.id().toString());
        assertThat(api.get("/api/v1/campaigns/" + UUID.randomUUID(), "staff").status()).isEqualTo(404);

        ConsoleClient browser = new ConsoleClient(port);
        browser.logIn("staff", "hoptrace");
        HttpResponse<String> page = browser.get("/campaigns/" + campaign);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Utility shut-off").contains("<svg class=\"trend\"").contains("<svg class=\"ecosystem\"")
                .contains(upstream.legalName()).contains("also carried " + fixtures.reference(other))
                .contains(jdbc.queryForObject("select reference from traceback where traceback_id = ?", String.class, traceback))
                .doesNotContain("cdn.").doesNotContain("<script src=\"http");
    }

    @Test
    void staffRenameWatchAndDismissFromTheApiAndThePage() {
        UUID campaign = fixtures.campaign("Unnamed group 17", "other", 10, "{}");

        var renamed = api.patch("/api/v1/campaigns/" + campaign, "staff", "{\"name\": \"Medicare card scam\", \"status\": \"watch\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("name").asText()).isEqualTo("Medicare card scam");
        assertThat(fixtures.status(campaign)).isEqualTo("watch");
        var invalid = api.patch("/api/v1/campaigns/" + campaign, "staff", "{\"name\": \" \", \"status\": \"tracing\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorFields()).containsExactly("name", "status");
        assertThat(fixtures.status(campaign)).isEqualTo("watch");

        ConsoleClient browser = new ConsoleClient(port);
        browser.logIn("staff", "hoptrace");
        String token = ConsoleClient.csrfTokenOf(browser.get("/campaigns/" + campaign).body());
        HttpResponse<String> dismissed = browser.postForm("/campaigns/" + campaign + "/status", "status=dismissed&_csrf=" + token);
        assertThat(dismissed.statusCode()).isEqualTo(302);
        assertThat(fixtures.status(campaign)).isEqualTo("dismissed");
        assertThat(browser.get("/campaigns/" + campaign).body()).contains("Status: dismissed.").contains("watch -&gt; dismissed");
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(item -> names.add(item.get("name").asText()));
        return names;
    }
}
