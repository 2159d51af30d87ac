package org.hoptrace.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.hoptrace.HoptraceTest;
import org.hoptrace.web.ConsoleClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@HoptraceTest
class OperatonSingleSignOnTest {

    private static final String TASKLIST = "/operaton/app/tasklist/default/";
    private static final String WHO_AM_I = "/operaton/api/admin/auth/user/default";

    @LocalServerPort
    int port;

    ConsoleClient browser;

    @BeforeEach
    void newBrowser() {
        browser = new ConsoleClient(port);
    }

    @Test
    void consoleLoginAlsoLogsTheUserInToOperatonTasklist() {
        browser.logIn("reviewer", "hoptrace");

        // like a browser: Tasklist's page first (Operaton takes over the user there), then its "who am I" call
        assertThat(browser.get(TASKLIST).statusCode()).isEqualTo(200);
        HttpResponse<String> whoAmI = browser.get(WHO_AM_I);

        assertThat(whoAmI.statusCode()).isEqualTo(200);
        assertThat(whoAmI.body()).contains("\"userId\":\"reviewer\"").contains("\"tasklist\"");
    }

    @Test
    void operatonWebappsSendAnonymousVisitorsToTheConsoleLogin() {
        HttpResponse<String> tasklist = browser.get(TASKLIST);

        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(tasklist.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        assertThat(browser.get(WHO_AM_I).statusCode()).isEqualTo(302);
    }

    @Test
    void operatonSessionEndsWithTheConsoleLogout() {
        browser.logIn("supervisor", "hoptrace");
        browser.get(TASKLIST);
        assertThat(browser.get(WHO_AM_I).statusCode()).isEqualTo(200);
        String token = ConsoleClient.csrfTokenOf(browser.get("/").body());

        browser.postForm("/logout", "_csrf=" + token);

        assertThat(browser.get(WHO_AM_I).statusCode()).isEqualTo(302);
        assertThat(browser.get(TASKLIST).statusCode()).isEqualTo(302);
    }

    @Test
    void engineRestCallRunsInTheEngineAsTheBasicAuthUser() {
        // Operaton answers this only for a request with an engine-side authenticated user
        HttpResponse<String> check = browser.get(
                "/engine-rest/authorization/check?permissionName=READ&resourceName=task&resourceType=7",
                "admin", "hoptrace");

        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(check.body()).contains("\"permissionName\":\"READ\"");
    }
}
