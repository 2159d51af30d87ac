package org.hoptrace.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.hoptrace.HoptraceTest;
import org.hoptrace.web.ConsoleClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@HoptraceTest
class RoleRulesTest {

    private static final String CREATE_USER = "/operaton/api/engine/engine/default/user/create";

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
    void engineRestApiIsForAdministratorsOnly() {
        HttpResponse<String> staff = browser.get("/engine-rest/deployment", "staff", "hoptrace");

        assertThat(staff.statusCode()).isEqualTo(403);
        assertThat(staff.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(staff.body()).contains("\"type\":\"https://hoptrace.org/problems/forbidden\"");
        assertThat(browser.get("/engine-rest/deployment", "admin", "hoptrace").statusCode()).isEqualTo(200);
    }

    @Test
    void reviewerUsesTasklistButNotCockpitOrAdmin() {
        browser.logIn("reviewer", "hoptrace");

        assertThat(browser.get("/operaton/app/tasklist/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> cockpit = browser.get("/operaton/app/cockpit/default/");
        assertThat(cockpit.statusCode()).isEqualTo(403);
        assertThat(cockpit.body()).contains("Access denied");
        assertThat(browser.get("/operaton/app/admin/default/").statusCode()).isEqualTo(403);
        assertThat(browser.get("/").body()).doesNotContain("/operaton/app/cockpit/").doesNotContain("/operaton/app/admin/");
    }

    @Test
    void staffUsesCockpitButNotAdmin() {
        browser.logIn("staff", "hoptrace");

        assertThat(browser.get("/operaton/app/cockpit/default/").statusCode()).isEqualTo(200);
        assertThat(browser.get("/operaton/app/admin/default/").statusCode()).isEqualTo(403);
        assertThat(browser.get("/").body()).contains("/operaton/app/cockpit/default/");
    }

    @Test
    void onlyAdministratorsChangeUsersThroughTheWebapps() {
        String newUser = "{\"profile\":{\"id\":\"%s\",\"firstName\":\"New\",\"lastName\":\"User\"},"
                + "\"credentials\":{\"password\":\"a-long-password\"}}";
        browser.logIn("reviewer", "hoptrace");

        HttpResponse<String> byReviewer = browser.postFromOperatonWebapp(CREATE_USER, newUser.formatted("byreviewer"));

        assertThat(byReviewer.statusCode()).isEqualTo(403);
        assertThat(identities.createUserQuery().userId("byreviewer").count()).isZero();

        ConsoleClient adminBrowser = new ConsoleClient(port);
        adminBrowser.logIn("admin", "hoptrace");
        HttpResponse<String> byAdmin = adminBrowser.postFromOperatonWebapp(CREATE_USER, newUser.formatted("byadmin"));

        assertThat(byAdmin.statusCode()).isEqualTo(204);
        assertThat(identities.createUserQuery().userId("byadmin").count()).isOne();
    }

    @Test
    void administratorUsesAdmin() {
        browser.logIn("admin", "hoptrace");

        assertThat(browser.get("/operaton/app/admin/default/").statusCode()).isEqualTo(200);
        assertThat(browser.get("/").body()).contains("/operaton/app/admin/default/");
    }
}
