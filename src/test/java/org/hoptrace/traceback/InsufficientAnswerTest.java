package org.hoptrace.traceback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.HoptraceTest;
import org.hoptrace.web.ConsoleClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

/** ITG staff mark a hop's answer insufficient and clear the mark, through the API and the traceback page. */
@HoptraceTest
class InsufficientAnswerTest {

    @LocalServerPort int port;
    @Autowired TracebackFixtures fixtures;
    @Autowired TracebackRepository tracebacks;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    @Test
    void staffMarkAnAnswerInsufficientAndClearTheMarkThroughTheApi() {
        Hop hop = answeredHop();
        StaffApi staff = new StaffApi(port, json, "staff");

        StaffApi.Response marked = staff.post("/api/v1/hops/" + hop.id() + "/insufficient",
                Map.of("reason", "CDR excerpt does not show the upstream trunk"));

        assertThat(marked.status()).isEqualTo(200);
        assertThat(marked.json().at("/hops/0/answer/insufficient/reason").asText())
                .isEqualTo("CDR excerpt does not show the upstream trunk");
        assertThat(marked.json().at("/hops/0/answer/insufficient/markedBy").asText()).isEqualTo("staff");
        HopAnswer stored = tracebacks.answer(hop.id()).orElseThrow();
        assertThat(stored.insufficientReason()).isEqualTo("CDR excerpt does not show the upstream trunk");
        assertThat(stored.markedInsufficientBy()).isEqualTo("staff");
        assertThat(stored.markedInsufficientAt()).isNotNull();

        StaffApi.Response cleared = staff.delete("/api/v1/hops/" + hop.id() + "/insufficient");

        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().at("/hops/0/answer").hasNonNull("insufficient")).isFalse();
        assertThat(cleared.json().at("/hops/0/answer/type").asText()).isEqualTo("not-found");
        assertThat(tracebacks.answer(hop.id()).orElseThrow().markedInsufficientAt()).isNull();
    }

    @Test
    void aMissingReasonAnUnknownHopAndAHopWithoutAnswerAreRefused() {
        Hop answered = answeredHop();
        Hop waiting = fixtures.requestedHop(fixtures.open(fixtures.provider("US")).id(), 1);
        StaffApi staff = new StaffApi(port, json, "staff");

        StaffApi.Response noReason = staff.post("/api/v1/hops/" + answered.id() + "/insufficient", Map.of("reason", " "));
        StaffApi.Response noBody = staff.post("/api/v1/hops/" + answered.id() + "/insufficient");
        StaffApi.Response unknown = staff.post("/api/v1/hops/" + UUID.randomUUID() + "/insufficient", Map.of("reason", "x"));
        StaffApi.Response notAnswered = staff.post("/api/v1/hops/" + waiting.id() + "/insufficient", Map.of("reason", "x"));
        StaffApi.Response clearNotAnswered = staff.delete("/api/v1/hops/" + waiting.id() + "/insufficient");

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.contentType()).startsWith("application/problem+json");
        assertThat(noReason.json().at("/errors/0/field").asText()).isEqualTo("reason");
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(notAnswered.status()).isEqualTo(409);
        assertThat(notAnswered.json().get("detail").asText()).contains("no answer");
        assertThat(clearNotAnswered.status()).isEqualTo(409);
        assertThat(tracebacks.answer(answered.id()).orElseThrow().markedInsufficientAt()).isNull();
    }

    @Test
    void aProviderUserCannotMarkAnswers() {
        Hop hop = answeredHop();

        StaffApi.Response refused = new StaffApi(port, json, "carrier").post("/api/v1/hops/" + hop.id() + "/insufficient",
                Map.of("reason", "x"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(tracebacks.answer(hop.id()).orElseThrow().markedInsufficientAt()).isNull();
    }

    @Test
    void staffMarkAndClearOnTheTracebackPage() {
        Hop hop = answeredHop();
        String reference = tracebacks.get(hop.tracebackId()).reference();
        ConsoleClient browser = new ConsoleClient(port);
        browser.logIn("staff", "hoptrace");
        String page = browser.get("/tracebacks/" + reference).body();
        assertThat(page).contains("Mark insufficient");
        String token = ConsoleClient.csrfTokenOf(page);
        String action = "/tracebacks/" + reference + "/hops/1/insufficient";

        HttpResponse<String> empty = browser.postForm(action, "reason=&_csrf=" + token);
        String refused = HtmlUtils.htmlUnescape(browser.get("/tracebacks/" + reference).body());

        assertThat(empty.statusCode()).isEqualTo(302);
        assertThat(refused).contains("Could not mark the answer insufficient: say why the answer is insufficient");
        assertThat(tracebacks.answer(hop.id()).orElseThrow().markedInsufficientAt()).isNull();

        HttpResponse<String> marked = browser.postForm(action, "reason="
                + URLEncoder.encode("Records show no upstream", StandardCharsets.UTF_8) + "&_csrf=" + token);
        String shown = HtmlUtils.htmlUnescape(browser.get("/tracebacks/" + reference).body());

        assertThat(marked.statusCode()).isEqualTo(302);
        assertThat(shown).contains("The answer of hop 1 is marked insufficient.").contains("Records show no upstream")
                .contains("Clear insufficient mark").doesNotContain(">Mark insufficient<");

        browser.postForm(action + "/clear", "_csrf=" + token);
        String clearedPage = HtmlUtils.htmlUnescape(browser.get("/tracebacks/" + reference).body());

        assertThat(clearedPage).contains("no longer marked insufficient").contains("Mark insufficient")
                .doesNotContain("Records show no upstream");
        assertThat(tracebacks.answer(hop.id()).orElseThrow().markedInsufficientAt()).isNull();
    }

    private Hop answeredHop() {
        Traceback traceback = fixtures.open(fixtures.provider("US"));
        Hop hop = fixtures.waitingHop(traceback.id(), 1);
        fixtures.answerNotFound(hop);
        fixtures.ended(traceback.id());
        return hop;
    }
}
