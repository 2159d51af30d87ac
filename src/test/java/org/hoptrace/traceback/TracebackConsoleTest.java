package org.hoptrace.traceback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hoptrace.HoptraceTest;
import org.hoptrace.provider.Provider;
import org.hoptrace.web.ConsoleClient;
import org.hoptrace.workflow.WorkflowEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

/** The console's traceback pages, through a logged-in browser without JavaScript. */
@HoptraceTest
class TracebackConsoleTest {

    private static final Pattern OVERDUE_ROW = Pattern.compile("<tr[^>]*class=\"overdue\"[^>]*>(.*?)</tr>", Pattern.DOTALL);

    @LocalServerPort int port;
    @Autowired TracebackFixtures fixtures;
    @Autowired TracebackRepository tracebacks;
    @Autowired Clock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired TracebackQueries queries;
    @Autowired WorkflowEngine engine;

    ConsoleClient browser;

    @AfterEach
    void resetClock() {
        engine.clock().reset();
    }

    @BeforeEach
    void logInAsStaff() {
        browser = new ConsoleClient(port);
        browser.logIn("staff", "hoptrace");
    }

    @Test
    void theListFiltersByCampaignAndOverdueAndHighlightsOverdueTracebacks() {
        String campaign = "Student loans " + UUID.randomUUID();
        Provider silent = fixtures.provider("US");
        Traceback overdue = fixtures.overdue(silent, campaign);
        Traceback onTime = fixtures.open(fixtures.provider("US"));
        jdbc.update("update traceback set campaign = ? where traceback_id = ?", campaign, onTime.id());

        String all = page("/tracebacks?campaign=" + encode(campaign));
        String overdueOnly = page("/tracebacks?overdue=true&campaign=" + encode(campaign));

        assertThat(all).contains("2 tracebacks").contains(overdue.reference()).contains(onTime.reference());
        assertThat(overdueRows(all)).hasSize(1);
        assertThat(overdueRows(all).get(0)).contains(overdue.reference()).contains(silent.legalName()).contains("overdue");
        assertThat(overdueOnly).contains("1 traceback").contains(overdue.reference()).doesNotContain(onTime.reference());
        assertThat(page("/tracebacks?status=cancelled&campaign=" + encode(campaign))).contains("No traceback matches.");
        assertThat(page("/tracebacks?status=stalled")).contains("status is open, completed or cancelled");
    }

    @Test
    void theListPagesThroughManyTracebacks() {
        String campaign = "Health insurance " + UUID.randomUUID();
        Provider provider = fixtures.provider("US");
        for (int i = 0; i < TracebackConsoleController.PAGE_SIZE + 1; i++) {
            fixtures.overdue(provider, campaign);
        }

        String first = page("/tracebacks?campaign=" + encode(campaign));
        String second = page("/tracebacks?campaign=" + encode(campaign) + "&page=1");

        assertThat(first).contains("Page 1 of 2").contains("rel=\"next\"").doesNotContain("rel=\"prev\"");
        assertThat(second).contains("Page 2 of 2").contains("rel=\"prev\"");
        assertThat(overdueRows(first)).hasSize(TracebackConsoleController.PAGE_SIZE);
        assertThat(overdueRows(second)).hasSize(1);
    }

    @Test
    void theNewTracebackFormShowsErrorsByFieldKeepsTheValuesAndOpensTheTraceback() {
        Provider terminating = fixtures.provider("US");
        String form = page("/tracebacks/new");
        assertThat(form).contains(terminating.legalName());
        String token = ConsoleClient.csrfTokenOf(form);
        String callTime = LocalDateTime.ofInstant(clock.instant().minus(Duration.ofHours(2)), ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS).toString();
        String campaign = "Brand impersonation " + UUID.randomUUID();
        String fields = "&calledNumber=" + encode("(312) 555-0178") + "&callTime=" + encode(callTime)
                + "&terminatingProviderId=" + terminating.id() + "&campaign=" + encode(campaign)
                + "&attestation=B&originationId=&priority=urgent&_csrf=" + encode(token);

        HttpResponse<String> rejected = browser.postForm("/tracebacks", "callingNumber=12ab" + fields);

        assertThat(rejected.statusCode()).isEqualTo(200);
        String again = HtmlUtils.htmlUnescape(rejected.body());
        assertThat(again).contains("The traceback was not opened").contains("calling number '12ab' is not a phone number")
                .contains("value=\"12ab\"").contains("value=\"" + campaign + "\"")
                .containsPattern("value=\"" + terminating.id() + "\"\\s+selected");

        HttpResponse<String> opened = browser.postForm("/tracebacks", "callingNumber=" + encode("202-555-0143") + fields);

        assertThat(opened.statusCode()).isEqualTo(302);
        String location = opened.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/tracebacks/TB-\\d{4}-\\d{6}");
        Traceback traceback = tracebacks.findByReference(location.substring(location.lastIndexOf('/') + 1)).orElseThrow();
        assertThat(traceback.callingNumber()).isEqualTo("+12025550143");
        assertThat(traceback.priority()).isEqualTo(Traceback.Priority.URGENT);
        assertThat(traceback.createdBy()).isEqualTo("staff");
        assertThat(page(location.substring(location.indexOf("/tracebacks")))).contains(traceback.reference() + " is open: hop 1 asks "
                + terminating.legalName());
    }

    @Test
    void theTracebackPageShowsTheHopChainWithCountdownsAndAnswers() {
        Provider terminating = fixtures.provider("US");
        Provider upstream = fixtures.provider("US");
        Traceback traceback = fixtures.open(terminating);
        fixtures.answerUpstream(fixtures.requestedHop(traceback.id(), 1), upstream);
        fixtures.requestedHop(traceback.id(), 2);

        String detail = page("/tracebacks/" + traceback.reference());

        assertThat(detail).contains("+12025550143").contains("SSA impersonation").contains(terminating.legalName())
                .contains("Hop chain").contains("Upstream provider").contains("via api")
                .contains("id=\"hop-1\"").contains("id=\"hop-2\"").contains("data-deadline=").contains(" left")
                .contains("Re-send request").contains("Cancel traceback").doesNotContain("Reopen hop");
        assertThat(hopRow(detail, 2)).contains(upstream.legalName()).contains("US").contains("requested");
        assertThat(overdueRows(detail)).isEmpty();
    }

    @Test
    void anOverdueHopStandsOutOnTheTracebackPage() {
        Provider silent = fixtures.provider("US");
        Traceback traceback = fixtures.overdue(silent, null);

        String detail = page("/tracebacks/" + traceback.id());

        assertThat(overdueRows(detail)).hasSize(1);
        assertThat(overdueRows(detail).get(0)).contains(silent.legalName()).contains("overdue by 2 h");
        assertThat(detail).contains("class=\"overdue-flag\">overdue</strong>");
    }

    @Test
    void cancellingFromTheTracebackPageEndsItAndASecondCancelSaysWhyNot() {
        Traceback traceback = fixtures.open(fixtures.provider("US"));
        fixtures.waitingHop(traceback.id(), 1);
        String path = "/tracebacks/" + traceback.reference();
        String token = ConsoleClient.csrfTokenOf(page(path));

        HttpResponse<String> cancel = browser.postForm(path + "/cancel", "reason=" + encode("wrong called number")
                + "&_csrf=" + encode(token));
        String afterCancel = page(path);
        HttpResponse<String> again = browser.postForm(path + "/cancel", "reason=twice&_csrf=" + encode(token));
        String afterSecond = page(path);

        assertThat(cancel.statusCode()).isEqualTo(302);
        assertThat(cancel.headers().firstValue("Location").orElseThrow()).endsWith(path);
        assertThat(afterCancel).contains("Traceback " + traceback.reference() + " is cancelled.")
                .contains("wrong called number (cancelled by staff)").doesNotContain("Cancel traceback");
        assertThat(tracebacks.get(traceback.id()).outcome()).isEqualTo(Traceback.Outcome.CANCELLED);
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(afterSecond).contains("Could not cancel the traceback: traceback " + traceback.reference()
                + " has ended already (cancelled).").doesNotContain("Exception");
    }

    @Test
    void reSendingFromTheTracebackPageConfirmsItAndAMissingReasonDoesNotCancel() {
        Provider terminating = fixtures.provider("US");
        Traceback traceback = fixtures.open(terminating);
        fixtures.requestedHop(traceback.id(), 1);
        String path = "/tracebacks/" + traceback.reference();
        String token = ConsoleClient.csrfTokenOf(page(path));

        browser.postForm(path + "/hops/1/resend", "_csrf=" + encode(token));
        String afterResend = page(path);
        browser.postForm(path + "/cancel", "reason=&_csrf=" + encode(token));
        String afterEmptyCancel = page(path);

        assertThat(afterResend).contains("The request of hop 1 went to " + terminating.legalName() + " again.");
        assertThat(afterEmptyCancel).contains("Could not cancel the traceback: give a reason for cancelling");
        assertThat(tracebacks.get(traceback.id()).status()).isEqualTo(Traceback.Status.OPEN);
    }

    @Test
    void aNonResponsiveLastHopIsReopenedFromTheTracebackPage() {
        Provider silent = fixtures.provider("US");
        Traceback traceback = fixtures.open(silent);
        Hop hop = fixtures.waitingHop(traceback.id(), 1);
        engine.clock().advance(Duration.between(engine.clock().now(), hop.deadline().plusSeconds(60)));
        fixtures.ended(traceback.id());
        String path = "/tracebacks/" + traceback.reference();
        String stalled = page(path);
        assertThat(stalled).contains("non-responsive").contains("Reopen hop").doesNotContain("Re-send request")
                .doesNotContain("Cancel traceback");

        browser.postForm(path + "/hops/1/reopen", "_csrf=" + encode(ConsoleClient.csrfTokenOf(stalled)));

        assertThat(page(path)).contains("Hop 1 is reopened: " + silent.legalName() + " is asked again, with a new deadline.")
                .contains("(request 2)").contains("Cancel traceback");
        assertThat(tracebacks.get(traceback.id()).status()).isEqualTo(Traceback.Status.OPEN);
    }

    @Test
    void theDashboardCountsOverdueTracebacksAndLinksToThem() {
        fixtures.overdue(fixtures.provider("US"), null);

        String dashboard = page("/");

        long overdue = queries.count(new TracebackFilter(Traceback.Status.OPEN, null, null, null, null, true, null));
        assertThat(overdue).isPositive();
        assertThat(dashboard).contains("<h2 id=\"tracebacks-heading\">Tracebacks</h2>")
                .containsPattern("href=\"/tracebacks\\?overdue=true\"[^>]*><strong>" + overdue + "</strong> overdue");
    }

    @Test
    void unknownTracebacksShowTheNotFoundPageAndReviewersAreTurnedAway() {
        assertThat(browser.get("/tracebacks/TB-1999-000001").statusCode()).isEqualTo(404);

        ConsoleClient reviewer = new ConsoleClient(port);
        reviewer.logIn("reviewer", "hoptrace");
        assertThat(reviewer.get("/tracebacks").statusCode()).isEqualTo(403);
        assertThat(reviewer.get("/tracebacks/new").statusCode()).isEqualTo(403);
        assertThat(reviewer.get("/").body()).doesNotContain("tracebacks-heading");
    }

    private String page(String path) {
        HttpResponse<String> response = browser.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return HtmlUtils.htmlUnescape(response.body());
    }

    private static java.util.List<String> overdueRows(String html) {
        Matcher rows = OVERDUE_ROW.matcher(html);
        java.util.List<String> found = new java.util.ArrayList<>();
        while (rows.find()) {
            found.add(rows.group(1));
        }
        return found;
    }

    private static String hopRow(String html, int number) {
        Matcher row = Pattern.compile("<tr[^>]*id=\"hop-" + number + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertThat(row.find()).isTrue();
        return row.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
