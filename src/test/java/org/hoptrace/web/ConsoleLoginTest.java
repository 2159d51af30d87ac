package org.hoptrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.hoptrace.HoptraceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@HoptraceTest
class ConsoleLoginTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identities;

    ConsoleClient browser;

    @BeforeEach
    void newBrowser() {
        browser = new ConsoleClient(port);
    }

    @Test
    void demoUserLogsInThroughTheFormAndReachesTheDashboard() {
        HttpResponse<String> login = browser.logIn("staff", "hoptrace");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/"));
        HttpResponse<String> dashboard = browser.get("/");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body())
                .contains("<h1>Dashboard</h1>")
                .contains("staff")
                .contains("Open tasks")
                .contains("/operaton/app/tasklist/default/");
    }

    @Test
    void wrongPasswordShowsAnErrorOnTheLoginPage() {
        String user = ConsoleClient.newUser(identities);

        HttpResponse<String> login = browser.logIn(user, "not-the-password");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        assertThat(browser.get("/login?error").body()).contains("Wrong user name or password.");
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void anonymousVisitorOfTheConsoleIsRedirectedToTheLoginPage() {
        HttpResponse<String> dashboard = browser.get("/tracebacks");

        assertThat(dashboard.statusCode()).isEqualTo(302);
        assertThat(dashboard.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void loginPageAndStylesheetArePublic() {
        assertThat(browser.get("/login").statusCode()).isEqualTo(200);
        assertThat(browser.get("/css/hoptrace.css").statusCode()).isEqualTo(200);
    }

    @Test
    void loginFormWithoutCsrfTokenIsRejected() {
        browser.get("/login");

        HttpResponse<String> login = browser.postForm("/login", "username=staff&password=hoptrace");

        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void everyNavigationLinkLeadsToAPage() {
        browser.logIn("staff", "hoptrace");

        for (String section : new String[] {"/tracebacks", "/providers", "/campaigns", "/legal-requests"}) {
            assertThat(browser.get(section).statusCode()).as(section).isEqualTo(200);
        }
        assertThat(browser.get("/campaigns").body()).contains("<h1>Campaigns</h1>");
        assertThat(browser.get("/legal-requests").body()).contains("<h1>Legal requests</h1>");
        assertThat(browser.get("/tracebacks").body()).contains("<h1>Tracebacks</h1>").doesNotContain("This section arrives");
    }

    @Test
    void unknownConsolePageShowsTheFriendlyNotFoundPage() {
        browser.logIn("staff", "hoptrace");

        HttpResponse<String> page = browser.get("/no-such-page");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found").contains("Back to the dashboard").doesNotContain("Exception");
    }

    @Test
    void logoutEndsTheSession() {
        browser.logIn("staff", "hoptrace");
        String token = ConsoleClient.csrfTokenOf(browser.get("/").body());

        HttpResponse<String> logout = browser.postForm("/logout", "_csrf=" + token);

        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login?logout"));
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }
}
