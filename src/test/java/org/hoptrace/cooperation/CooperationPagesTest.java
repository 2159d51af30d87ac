package org.hoptrace.cooperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.HoptraceTest;
import org.hoptrace.provider.Provider;
import org.hoptrace.provider.ProviderRepository;
import org.hoptrace.traceback.TracebackFixtures;
import org.hoptrace.web.ConsoleClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

/** The cooperation pages, exports and API, for staff; providers are kept out. */
@HoptraceTest
class CooperationPagesTest {

    @LocalServerPort int port;
    @Autowired TracebackFixtures fixtures;
    @Autowired ProviderRepository providers;
    @Autowired CooperationAssessment assessment;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    @Autowired Clock clock;

    ConsoleClient browser;
    HopHistory history;

    @BeforeEach
    void logIn() {
        browser = new ConsoleClient(port);
        browser.logIn("staff", "hoptrace");
        history = new HopHistory(jdbc);
    }

    @Test
    void theListShowsStatusesFiltersSortsAndRunsTheAssessment() {
        Provider silent = silentProvider();
        Provider watched = fixtures.provider("US");
        history.hop(watched.id(), clock.instant().minus(Duration.ofDays(3)), "non-responsive");
        String token = ConsoleClient.csrfTokenOf(page("/cooperation"));

        HttpResponse<String> run = browser.postForm("/cooperation/assessments", "_csrf=" + token);

        assertThat(run.statusCode()).isEqualTo(302);
        String list = page("/cooperation");
        assertThat(list).contains("Assessment done: ").contains("(run by staff)").contains("Run assessment now");
        String nonCooperative = page("/cooperation?status=non-cooperative");
        assertThat(nonCooperative).contains(silent.legalName()).doesNotContain(watched.legalName());
        assertThat(page("/cooperation?status=watch")).contains(watched.legalName()).doesNotContain(silent.legalName());
        String byMissed = page("/cooperation?sort=non-responsive&dir=desc");
        assertThat(byMissed.indexOf(silent.legalName())).isLessThan(byMissed.indexOf(watched.legalName()));
        assertThat(page("/cooperation?status=bad")).contains("status is cooperative, watch or non-cooperative");
        assertThat(page("/cooperation?sort=shoe-size")).contains("sort is one of name, status");
    }

    @Test
    void theScorecardShowsBothWindowsTheStatusAndTheEscalationHistory() {
        Provider silent = silentProvider();
        assessment.run("staff", "staff");
        Instant now = clock.instant();
        UUID closed = history.escalation(silent.id(), now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(53)),
                now.minus(Duration.ofDays(55)));
        // the assessment flagged the provider: the escalation process starts and sends its warning
        UUID running = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList("""
                select escalation_id from escalation
                where provider_id = ? and status = 'running' and step_due_at is not null""", UUID.class, silent.id()),
                ids -> ids.size() == 1).get(0);

        String scorecard = page("/cooperation/providers/" + silent.id());

        assertThat(scorecard).contains(silent.legalName()).contains("last 90 days").contains("last 12 months")
                .contains("coop-non-cooperative").contains("href=\"/providers/" + silent.id() + "\"")
                .contains(history.reference(closed)).contains("cured").contains("answered its pending hops")
                .contains(history.reference(running)).contains("warning")
                .contains("class=\"countdown\"").contains("data-deadline=\"");
        assertThat(scorecard).containsPattern("Missed deadline \\(non-responsive\\)</th><td class=\"number\">3</td>");
        assertThat(browser.get("/cooperation/providers/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(page("/providers/" + silent.id())).contains("/cooperation/providers/" + silent.id());
    }

    @Test
    void theNonCooperativeListAndTheExportsCarryTheRecords() {
        Provider silent = silentProvider();
        Provider awkward = providers.insert(new Provider(null, "=Comma, \"Quote\" Voice " + UUID.randomUUID(), null, null,
                "US", Provider.Role.GATEWAY, List.of("noc@awkward.example"), null, null, null, null, true, null, null));
        assessment.run("staff", "staff");

        assertThat(page("/cooperation/non-cooperative")).contains(silent.legalName()).doesNotContain(awkward.legalName());
        HttpResponse<String> csv = browser.get("/cooperation/non-cooperative.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value).contains("attachment").contains("non-cooperative-providers-"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("provider_id,legal_name,country,role,status,status_since,assessed_at,"
                + "listed_non_cooperative_at,window_end,requested_90d,answered_on_time_90d,answered_late_90d,"
                + "non_responsive_90d,not_found_90d,origin_90d,foreign_gateway_90d,insufficient_90d,on_time_rate_90d,"
                + "requested_12m");
        String line = lines.stream().filter(l -> l.startsWith(silent.id().toString())).findFirst().orElseThrow();
        assertThat(line).contains("," + silent.legalName() + ",US,intermediate,non-cooperative,")
                .endsWith(",3,0,0,3,0,0,0,0,0.0,3,0,0,3,0,0,0,0,0.0");
        assertThat(lines).noneMatch(l -> l.startsWith(awkward.id().toString()));

        String all = browser.get("/cooperation/records.csv").body();
        assertThat(all).contains(silent.id().toString())
                .contains(awkward.id() + ",\"'=Comma, \"\"Quote\"\" Voice ");
    }

    @Test
    void theApiRunsTheAssessmentAndReturnsAProvidersRecord() throws Exception {
        Provider silent = silentProvider();
        ConsoleClient api = new ConsoleClient(port);

        HttpResponse<String> run = api.postFromApi("/api/v1/cooperation/assessments", "staff");
        HttpResponse<String> record = api.get("/api/v1/cooperation/providers/" + silent.id(), "staff", "hoptrace");
        HttpResponse<String> unknown = api.get("/api/v1/cooperation/providers/" + UUID.randomUUID(), "staff", "hoptrace");
        HttpResponse<String> malformed = api.get("/api/v1/cooperation/providers/not-a-uuid", "staff", "hoptrace");

        assertThat(run.statusCode()).isEqualTo(200);
        JsonNode summary = json.readTree(run.body());
        assertThat(summary.get("trigger").asText()).isEqualTo("staff");
        assertThat(summary.get("providersAssessed").asInt()).isPositive();
        assertThat(summary.hasNonNull("error")).isFalse();
        assertThat(record.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(record.body());
        assertThat(body.get("status").asText()).isEqualTo("non-cooperative");
        assertThat(body.at("/last90Days/nonResponsive").asInt()).isEqualTo(3);
        assertThat(body.at("/last12Months/requested").asInt()).isEqualTo(3);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(api.get("/v3/api-docs").body()).contains("/api/v1/cooperation/assessments")
                .contains("/api/v1/cooperation/providers/{providerId}").contains("/api/v1/hops/{hopId}/insufficient");
    }

    @Test
    void providerUsersAreKeptOutOfThePagesAndTheApi() {
        ConsoleClient provider = new ConsoleClient(port);
        provider.logIn("carrier", "hoptrace");

        assertThat(provider.get("/cooperation").statusCode()).isEqualTo(403);
        assertThat(provider.get("/cooperation/records.csv").statusCode()).isEqualTo(403);
        ConsoleClient api = new ConsoleClient(port);
        HttpResponse<String> apiRecord = api.get("/api/v1/cooperation/providers/" + UUID.randomUUID(), "carrier", "hoptrace");
        assertThat(apiRecord.statusCode()).isEqualTo(403);
        assertThat(api.postFromApi("/api/v1/cooperation/assessments", "carrier").statusCode()).isEqualTo(403);
    }

    /** A provider that missed three deadlines in the last month and answered none: non-cooperative. */
    private Provider silentProvider() {
        Provider silent = fixtures.provider("US");
        for (int i = 1; i <= 3; i++) {
            history.hop(silent.id(), clock.instant().minus(Duration.ofDays(i * 5)), "non-responsive");
        }
        return silent;
    }

    private String page(String path) {
        HttpResponse<String> response = browser.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return HtmlUtils.htmlUnescape(response.body());
    }
}
