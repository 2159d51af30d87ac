package org.hoptrace.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hoptrace.HoptraceTest;
import org.hoptrace.document.TestFiles;
import org.hoptrace.provider.Provider;
import org.hoptrace.traceback.Hop;
import org.hoptrace.traceback.HopAnswer;
import org.hoptrace.traceback.ResponseLinks;
import org.hoptrace.traceback.Traceback;
import org.hoptrace.traceback.TracebackFixtures;
import org.hoptrace.traceback.TracebackRepository;
import org.hoptrace.web.ConsoleClient;
import org.hoptrace.workflow.WorkflowEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A provider answering through the response link of the request email, in a browser without JavaScript. */
@HoptraceTest
class ProviderPortalTest {

    private static final Pattern FORM_ACTION = Pattern.compile("<form class=\"answer-form\"[^>]*action=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired TracebackFixtures fixtures;
    @Autowired TracebackRepository tracebacks;
    @Autowired ResponseLinks links;
    @Autowired JdbcTemplate jdbc;

    @Autowired WorkflowEngine engine;

    PortalBrowser browser;

    @BeforeEach
    void newBrowser() {
        browser = new PortalBrowser(port);
    }

    @AfterEach
    void resetClock() {
        engine.clock().reset();
    }

    @Test
    void theResponseLinkShowsTheCallTheDeadlineAndTheFourAnswers() {
        Provider provider = fixtures.provider("US");
        Traceback traceback = fixtures.open(provider);
        Hop hop = fixtures.requestedHop(traceback.id(), 1);

        HttpResponse<String> page = browser.get(link(hop));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(traceback.reference()).contains(provider.legalName())
                .contains("+12025550143").contains("+13125550178").contains("2026-11-20 15:04:05 UTC")
                .contains("9a3f7c2e-5b1d-4e8a-b6f0-0c2d4e6f8a1b").contains("left</span>")
                .contains("value=\"upstream-registered\"").contains("value=\"upstream-unregistered\"")
                .contains("value=\"origin\"").contains("value=\"not-found\"")
                .contains("name=\"evidence\"").contains("name=\"_csrf\"")
                .doesNotContain("href=\"/tracebacks\"");
        assertThat(formAction(page)).isEqualTo(link(hop));
    }

    @Test
    void anExpiredLinkIsRefusedWithAClearPage() {
        Hop hop = openHop();

        HttpResponse<String> page = browser.get("/portal/hops/" + hop.id() + "?token="
                + links.token(hop.id(), Instant.now().minusSeconds(60)));

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("This link has expired or is not valid; ask ITG for a new one")
                .doesNotContain("+12025550143");
    }

    @Test
    void aChangedLinkOrTheLinkOfAnotherHopIsRefused() {
        Hop hop = openHop();
        Hop other = openHop();
        String token = links.token(hop.id(), Instant.now().plusSeconds(3600));
        String changed = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        assertThat(browser.get("/portal/hops/" + hop.id() + "?token=" + changed).statusCode()).isEqualTo(403);
        assertThat(browser.get("/portal/hops/" + other.id() + "?token=" + token).statusCode()).isEqualTo(403);
        assertThat(browser.get("/portal/hops/" + hop.id()).statusCode()).isEqualTo(403);
        assertThat(browser.get("/portal/hops/" + hop.id() + "?token=" + token).statusCode()).isEqualTo(200);
    }

    @Test
    void theFormPostedWithTheLinkRecordsTheAnswerAndItsEvidence() {
        Traceback traceback = fixtures.open(fixtures.provider("US"));
        Hop hop = fixtures.requestedHop(traceback.id(), 1);
        HttpResponse<String> page = browser.get(link(hop));

        HttpResponse<String> done = browser.post(formAction(page), new Multipart()
                .field("_csrf", ConsoleClient.csrfTokenOf(page.body()))
                .field("type", "not-found")
                .field("explanation", "No CDR for this call in our switch records")
                .field("customerName", "typed before changing my mind")
                .field("comment", "searched 2026-11-19 to 2026-11-21")
                .file("evidence", "switch-search.csv", "text/csv", TestFiles.callRecordsCsv()));

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Thank you — recorded").contains("switch-search.csv");
        HopAnswer answer = tracebacks.answer(hop.id()).orElseThrow();
        assertThat(answer.type()).isEqualTo(HopAnswer.Type.NOT_FOUND);
        assertThat(answer.channel()).isEqualTo("portal");
        assertThat(answer.answeredBy()).isEqualTo("response link");
        assertThat(answer.customerName()).as("fields of other answers are dropped").isNull();
        assertThat(answer.comment()).isEqualTo("searched 2026-11-19 to 2026-11-21");
        assertThat(jdbc.queryForObject("select count(*) from hop_evidence where hop_id = ?", Integer.class, hop.id())).isOne();
        assertThat(fixtures.ended(traceback.id()).outcome()).isEqualTo(Traceback.Outcome.NOT_FOUND);

        HttpResponse<String> again = browser.get(link(hop));
        assertThat(again.body()).contains("No CDR for this call in our switch records").doesNotContain("answer-form");
    }

    @Test
    void sendingTheSameFormTwiceSaysItWasAlreadyAnsweredIdentically() {
        Hop hop = openHop();
        HttpResponse<String> page = browser.get(link(hop));
        Multipart form = new Multipart().field("_csrf", ConsoleClient.csrfTokenOf(page.body()))
                .field("type", "upstream-unregistered").field("upstreamName", "Overseas Telecom Ltd")
                .field("upstreamEmail", "noc@overseas-telecom.example").field("upstreamPhone", "+44 20 7946 0000")
                .field("upstreamCountry", "gb");

        HttpResponse<String> first = browser.post(formAction(page), form);
        HttpResponse<String> second = browser.post(formAction(page), form);

        assertThat(first.body()).contains("Thank you — recorded").contains("Overseas Telecom Ltd");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("Already answered identically");
        HopAnswer answer = tracebacks.answer(hop.id()).orElseThrow();
        assertThat(answer.type()).isEqualTo(HopAnswer.Type.UPSTREAM_UNREGISTERED);
        assertThat(answer.upstreamCountry()).isEqualTo("GB");
    }

    @Test
    void anAnswerAfterTheDeadlineIsThankedAsRecordedLate() {
        Traceback traceback = fixtures.open(fixtures.provider("US"));
        Hop hop = fixtures.waitingHop(traceback.id(), 1);
        engine.clock().advance(Duration.between(engine.clock().now(), hop.deadline().plusSeconds(3 * 3600)));
        fixtures.ended(traceback.id());

        HttpResponse<String> page = browser.get(link(hop));
        HttpResponse<String> done = browser.post(formAction(page), new Multipart()
                .field("_csrf", ConsoleClient.csrfTokenOf(page.body()))
                .field("type", "origin").field("customerName", "Dialer Express Inc."));

        assertThat(page.body()).contains("overdue by 3 h 0 min").contains("The deadline has passed");
        assertThat(done.body()).contains("Thank you — recorded late").contains("after the deadline (late)");
        assertThat(tracebacks.answer(hop.id()).orElseThrow().late()).isTrue();
    }

    @Test
    void aRegisteredUpstreamIsFoundBySearchingWithoutJavaScriptAndChosenFromTheList() {
        Provider upstream = fixtures.provider("US");
        Traceback traceback = fixtures.open(fixtures.provider("US"));
        Hop hop = fixtures.requestedHop(traceback.id(), 1);

        HttpResponse<String> results = browser.get(link(hop) + "&query=" + upstream.legalName().replace(" ", "+"));
        assertThat(results.body()).contains("<option value=\"" + upstream.id() + "\">" + upstream.legalName() + " (US)</option>");
        HttpResponse<String> done = browser.post(formAction(results), new Multipart()
                .field("_csrf", ConsoleClient.csrfTokenOf(results.body()))
                .field("type", "upstream-registered")
                .field("upstreamProviderId", upstream.id().toString())
                .field("upstreamProviderIdTyped", ""));

        assertThat(done.body()).contains("Thank you — recorded").contains(upstream.legalName());
        assertThat(fixtures.requestedHop(traceback.id(), 2).providerId()).isEqualTo(upstream.id());
    }

    @Test
    void theRegistrySearchAnswersJsonToLinkHoldersOnly() {
        Provider upstream = fixtures.provider("US");
        Hop hop = openHop();

        HttpResponse<String> hits = browser.getJson("/portal/providers?query=" + upstream.legalName().replace(" ", "+")
                + "&token=" + links.token(hop.id(), Instant.now().plusSeconds(3600)));
        HttpResponse<String> anonymous = browser.getJson("/portal/providers?query=Voice");

        assertThat(hits.statusCode()).isEqualTo(200);
        assertThat(hits.body()).isEqualTo("[{\"id\":\"" + upstream.id() + "\",\"name\":\"" + upstream.legalName()
                + "\",\"country\":\"US\",\"registered\":true}]");
        assertThat(anonymous.statusCode()).isEqualTo(403);
    }

    @Test
    void anIncompleteAnswerShowsTheFormAgainWithTheProblemAndStoresNothing() {
        Hop hop = openHop();
        HttpResponse<String> page = browser.get(link(hop));
        int documentsBefore = documents();

        HttpResponse<String> again = browser.post(formAction(page), new Multipart()
                .field("_csrf", ConsoleClient.csrfTokenOf(page.body()))
                .field("type", "not-found")
                .field("explanation", " ")
                .field("comment", "my comment stays")
                .file("evidence", "search.pdf", "application/pdf", TestFiles.pdf("search")));

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("explain why the call cannot be found").contains("my comment stays")
                .contains("Nothing has been recorded yet").contains("answer-form");
        assertThat(tracebacks.answer(hop.id())).isEmpty();
        assertThat(documents()).isEqualTo(documentsBefore);
    }

    @Test
    void aFileThatIsNeitherPdfNorCsvIsRefusedNamingItAndNothingIsStored() {
        Hop hop = openHop();
        HttpResponse<String> page = browser.get(link(hop));
        int documentsBefore = documents();

        HttpResponse<String> again = browser.post(formAction(page), new Multipart()
                .field("_csrf", ConsoleClient.csrfTokenOf(page.body()))
                .field("type", "origin")
                .field("customerName", "Dialer Express Inc.")
                .file("evidence", "contract.pdf", "application/pdf", TestFiles.executable()));

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("contract.pdf is application/x-msdownload, only PDF and CSV are accepted")
                .contains("choose your evidence files again").contains("Dialer Express Inc.");
        assertThat(tracebacks.answer(hop.id())).isEmpty();
        assertThat(documents()).isEqualTo(documentsBefore);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() {
        Hop hop = openHop();
        HttpResponse<String> page = browser.get(link(hop));

        HttpResponse<String> forged = browser.post(formAction(page), new Multipart()
                .field("type", "not-found").field("explanation", "forged"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(tracebacks.answer(hop.id())).isEmpty();
    }

    @Test
    void evidenceOpensWithTheLinkButNotWithoutIt() {
        Hop hop = openHop();
        HttpResponse<String> page = browser.get(link(hop));
        browser.post(formAction(page), new Multipart().field("_csrf", ConsoleClient.csrfTokenOf(page.body()))
                .field("type", "not-found").field("explanation", "No CDR")
                .file("evidence", "search.pdf", "application/pdf", TestFiles.pdf("search")));
        String documentId = jdbc.queryForObject("select document_id::text from hop_evidence where hop_id = ?",
                String.class, hop.id());
        String evidence = "/portal/hops/" + hop.id() + "/evidence/" + documentId;

        assertThat(browser.get(evidence + "?token=" + token(hop)).statusCode()).isEqualTo(200);
        assertThat(new PortalBrowser(port).get(evidence).statusCode()).isEqualTo(403);
        PortalBrowser staff = new PortalBrowser(port);
        staff.logIn("staff", "hoptrace");
        assertThat(staff.get(evidence).statusCode()).isEqualTo(200);
    }

    private Hop openHop() {
        return fixtures.requestedHop(fixtures.open(fixtures.provider("US")).id(), 1);
    }

    private String link(Hop hop) {
        return "/portal/hops/" + hop.id() + "?token=" + token(hop);
    }

    private String token(Hop hop) {
        return links.token(hop.id(), hop.deadline().plus(Duration.ofDays(30)));
    }

    private int documents() {
        return jdbc.queryForObject("select count(*) from document", Integer.class);
    }

    private static String formAction(HttpResponse<String> page) {
        Matcher matcher = FORM_ACTION.matcher(page.body());
        assertThat(matcher.find()).as("answer form in\n" + page.body()).isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }
}
