package org.hoptrace.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import org.hoptrace.HoptraceTest;
import org.hoptrace.provider.Provider;
import org.hoptrace.provider.ProviderRepository;
import org.hoptrace.traceback.Hop;
import org.hoptrace.traceback.TracebackFixtures;
import org.hoptrace.traceback.TracebackRepository;
import org.hoptrace.web.ConsoleClient;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Provider users: Operaton users in group "provider", linked to their provider in table provider_user. */
@HoptraceTest
class ProviderUserTest {

    private static final AtomicInteger USERS = new AtomicInteger();

    @LocalServerPort int port;
    @Autowired TracebackFixtures fixtures;
    @Autowired TracebackRepository tracebacks;
    @Autowired ProviderRepository providers;
    @Autowired IdentityService identities;

    @Test
    void aProviderUserLandsOnItsOpenHopsAndAnswersOneWithoutALink() {
        Provider provider = fixtures.provider("US");
        Hop hop = fixtures.requestedHop(fixtures.open(provider).id(), 1);
        String user = providerUser(provider);
        PortalBrowser browser = new PortalBrowser(port);

        HttpResponse<String> login = browser.logIn(user, "hoptrace");
        HttpResponse<String> openHops = browser.get("/portal");
        HttpResponse<String> page = browser.get("/portal/hops/" + hop.id());
        HttpResponse<String> done = browser.post("/portal/hops/" + hop.id(), new Multipart()
                .field("_csrf", ConsoleClient.csrfTokenOf(page.body()))
                .field("type", "origin").field("customerName", "Dialer Express Inc."));

        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/portal"));
        assertThat(openHops.statusCode()).isEqualTo(200);
        assertThat(openHops.body()).contains(provider.legalName()).contains("/portal/hops/" + hop.id());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Thank you — recorded");
        assertThat(tracebacks.answer(hop.id()).orElseThrow().answeredBy()).isEqualTo(user);
        assertThat(browser.get("/portal").body()).doesNotContain("/portal/hops/" + hop.id());
    }

    @Test
    void aProviderUserDoesNotSeeAnotherProvidersHop() {
        Provider mine = fixtures.provider("US");
        Hop theirs = fixtures.requestedHop(fixtures.open(fixtures.provider("US")).id(), 1);
        PortalBrowser browser = new PortalBrowser(port);
        browser.logIn(providerUser(mine), "hoptrace");

        HttpResponse<String> page = browser.get("/portal/hops/" + theirs.id());

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("+12025550143");
        assertThat(browser.get("/portal").body()).doesNotContain(theirs.id().toString());
    }

    @Test
    void aProviderUserStaysOutOfTheStaffConsoleTasklistAndStaffApi() {
        String user = providerUser(fixtures.provider("US"));
        PortalBrowser browser = new PortalBrowser(port);
        browser.logIn(user, "hoptrace");

        assertThat(browser.get("/").statusCode()).isEqualTo(403);
        assertThat(browser.get("/tracebacks").statusCode()).isEqualTo(403);
        assertThat(browser.get("/providers").statusCode()).isEqualTo(403);
        assertThat(browser.get("/operaton/app/tasklist/default/").statusCode()).isEqualTo(403);
        ConsoleClient api = new ConsoleClient(port);
        assertThat(api.get("/api/v1/tracebacks", user, "hoptrace").statusCode()).isEqualTo(403);
    }

    @Test
    void aProviderUserAnswersThroughTheApiWithItsLoginToo() {
        Provider provider = fixtures.provider("US");
        Hop hop = fixtures.requestedHop(fixtures.open(provider).id(), 1);
        String user = providerUser(provider);
        ConsoleClient api = new ConsoleClient(port);

        HttpResponse<String> read = api.get("/api/v1/hops/" + hop.id(), user, "hoptrace");

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"hopId\":\"" + hop.id() + "\"");
    }

    @Test
    void staffWhoOpenThePortalAreToldItIsForProviders() {
        PortalBrowser browser = new PortalBrowser(port);
        browser.logIn("staff", "hoptrace");

        HttpResponse<String> portal = browser.get("/portal");

        assertThat(portal.statusCode()).isEqualTo(403);
        assertThat(portal.body()).contains("not linked to a voice service provider");
        assertThat(new PortalBrowser(port).get("/portal").headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
    }

    private String providerUser(Provider provider) {
        String id = "provideruser" + USERS.incrementAndGet() + provider.id().toString().substring(0, 8);
        User user = identities.newUser(id);
        user.setPassword("hoptrace");
        identities.saveUser(user);
        identities.createMembership(id, "provider");
        providers.linkUser(id, provider.id());
        return id;
    }
}
