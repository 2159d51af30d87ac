package org.hoptrace.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.hoptrace.HoptraceTest;
import org.hoptrace.agency.Agency;
import org.hoptrace.web.ConsoleClient;
import org.hoptrace.web.JsonApiClient;
import org.hoptrace.workflow.WorkflowEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Invitations by staff, accepting with password and TOTP, the login with its lockout and code reuse rule. */
@HoptraceTest
class AgencyAccountTest {

    private static final Pattern LINK = Pattern.compile("(/agency/invitation\\?token=[A-Za-z0-9_\\-]+)");
    private static final Pattern SECRET = Pattern.compile("name=\"secret\" value=\"([A-Z2-7]{32})\"");

    @LocalServerPort int port;
    @Autowired AgencyPortalFixtures fixtures;
    @Autowired AgencyUserRepository users;
    @Autowired GreenMail smtp;
    @Autowired ObjectMapper json;
    @Autowired WorkflowEngine engine;
    @Autowired Clock clock;

    @AfterEach
    void cleanUp() {
        engine.clock().reset();
        fixtures.deactivateAll();
    }

    @Test
    void anInvitedUserSetsPasswordAndAuthenticatorAndLogsIn() {
        Agency agency = fixtures.agency();
        String email = "jane.doe@" + agency.verifiedDomains().get(0);
        JsonApiClient.Answer invited = new JsonApiClient(port, json).post("/api/v1/agencies/" + agency.id() + "/users",
                "staff", Map.of("email", email, "fullName", "Jane Doe"));
        assertThat(invited.status()).isEqualTo(201);
        assertThat(invited.json().get("status").asText()).isEqualTo("invited");

        String link = invitationLink(email);
        AgencyClient browser = new AgencyClient(port);
        HttpResponse<String> page = browser.get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(email, agency.name(), "otpauth://totp/Hoptrace:");
        String secret = secretOf(page.body());
        String token = link.substring(link.indexOf('=') + 1);

        HttpResponse<String> wrongCode = browser.postForm("/agency/invitation", Map.of("token", token, "secret", secret,
                "password", "long enough password", "passwordAgain", "long enough password", "code", "000000"));
        assertThat(wrongCode.statusCode()).isEqualTo(400);
        assertThat(wrongCode.body()).contains("not the current 6-digit code");
        assertThat(users.findByEmail(email).orElseThrow().status()).isEqualTo(AgencyUser.Status.INVITED);

        HttpResponse<String> accepted = browser.postForm("/agency/invitation", Map.of("token", token, "secret", secret,
                "password", "long enough password", "passwordAgain", "long enough password",
                "code", AgencyTotp.code(secret, clock.instant())));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(users.findByEmail(email).orElseThrow().status()).isEqualTo(AgencyUser.Status.ACTIVE);

        assertThat(browser.get(link).statusCode()).as("the link works once").isEqualTo(410);

        engine.clock().advance(Duration.ofSeconds(30));
        HttpResponse<String> login = browser.logIn(email, "long enough password", AgencyTotp.code(secret, clock.instant()));
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/agency");
        assertThat(browser.get("/agency").body()).contains("Legal requests of", agency.name());
    }

    @Test
    void anAddressOutsideTheVerifiedDomainsIsRefused() {
        Agency agency = fixtures.agency();

        JsonApiClient.Answer refused = new JsonApiClient(port, json).post("/api/v1/agencies/" + agency.id() + "/users",
                "staff", Map.of("email", "jane@gmail.example", "fullName", "Jane"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.errorFields()).containsExactly("email");
        assertThat(refused.json().get("errors").get(0).get("message").asText()).contains("not at a verified domain");
        assertThat(users.ofAgency(agency.id())).isEmpty();
        assertThat(new JsonApiClient(port, json).post("/api/v1/agencies/" + agency.id() + "/users", "reviewer",
                Map.of("email", "jane@" + agency.verifiedDomains().get(0), "fullName", "Jane")).status())
                .as("reviewers do not invite").isEqualTo(403);
    }

    @Test
    void anExpiredInvitationLinkIsRefused() {
        Agency agency = fixtures.agency();
        String email = "late@" + agency.verifiedDomains().get(0);
        new JsonApiClient(port, json).post("/api/v1/agencies/" + agency.id() + "/users", "staff",
                Map.of("email", email, "fullName", "Late Comer"));
        String link = invitationLink(email);

        engine.clock().advance(Duration.ofDays(7).plusMinutes(1));

        HttpResponse<String> page = new AgencyClient(port).get(link);
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("expired or was used already");
    }

    @Test
    void aCodeIsNotAcceptedTwice() {
        AgencyPortalFixtures.PortalUser user = fixtures.user();
        String code = fixtures.code(user);

        HttpResponse<String> first = new AgencyClient(port).logIn(user.email(), AgencyPortalFixtures.PASSWORD, code);
        HttpResponse<String> again = new AgencyClient(port).logIn(user.email(), AgencyPortalFixtures.PASSWORD, code);

        assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/agency");
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/agency/login?error");
    }

    @Test
    void aWrongCodeOrPasswordIsRefusedAndFiveFailuresLockTheUserOut() {
        AgencyPortalFixtures.PortalUser user = fixtures.user();
        AgencyClient browser = new AgencyClient(port);

        assertThat(browser.logIn(user.email(), "wrong password", fixtures.code(user)).headers().firstValue("Location")
                .orElseThrow()).endsWith("?error");
        for (int i = 0; i < 4; i++) {
            assertThat(browser.logIn(user.email(), AgencyPortalFixtures.PASSWORD, "000000").headers()
                    .firstValue("Location").orElseThrow()).endsWith("?error");
        }
        assertThat(users.find(user.id()).orElseThrow().lockedUntil()).isNotNull();

        HttpResponse<String> locked = browser.logIn(user.email(), AgencyPortalFixtures.PASSWORD, fixtures.code(user));
        assertThat(locked.headers().firstValue("Location").orElseThrow()).endsWith("/agency/login?locked");
        assertThat(browser.get("/agency").statusCode()).isEqualTo(302);

        engine.clock().advance(Duration.ofMinutes(16));
        HttpResponse<String> later = browser.logIn(user.email(), AgencyPortalFixtures.PASSWORD, fixtures.code(user));
        assertThat(later.headers().firstValue("Location").orElseThrow()).as("back to the page asked for before")
                .endsWith("/agency?continue");
    }

    @Test
    void agencyUsersStayOutOfTheConsoleAndStaffStayOutOfThePortal() {
        AgencyPortalFixtures.PortalUser user = fixtures.user();
        AgencyClient agencyBrowser = new AgencyClient(port);
        agencyBrowser.logIn(user.email(), AgencyPortalFixtures.PASSWORD, fixtures.code(user));
        assertThat(agencyBrowser.get("/agency").statusCode()).isEqualTo(200);

        for (String consolePage : new String[] {"/tracebacks", "/agencies", "/", "/operaton/app/tasklist/default/"}) {
            HttpResponse<String> page = agencyBrowser.get(consolePage);
            assertThat(page.statusCode()).as(consolePage).isEqualTo(302);
            assertThat(page.headers().firstValue("Location").orElseThrow()).as(consolePage).endsWith("/login");
        }
        String token = fixtures.token(user);
        assertThat(new AgencyClient(port).withToken(token).get("/api/v1/tracebacks").statusCode()).isEqualTo(401);
        assertThat(new AgencyClient(port).withToken(token).get("/api/v1/agency/legal-requests").statusCode()).isEqualTo(200);

        ConsoleClient staff = new ConsoleClient(port);
        staff.logIn("staff", "hoptrace");
        assertThat(staff.get("/tracebacks").statusCode()).isEqualTo(200);
        HttpResponse<String> portal = staff.get("/agency");
        assertThat(portal.statusCode()).isEqualTo(302);
        assertThat(portal.headers().firstValue("Location").orElseThrow()).endsWith("/agency/login");
        assertThat(staff.get("/api/v1/agency/legal-requests", "staff", "hoptrace").statusCode()).isEqualTo(401);
    }

    @Test
    void aDisabledUserIsLoggedOutAndTheirTokensStopWorking() {
        AgencyPortalFixtures.PortalUser user = fixtures.user();
        AgencyClient browser = new AgencyClient(port);
        browser.logIn(user.email(), AgencyPortalFixtures.PASSWORD, fixtures.code(user));
        AgencyClient api = new AgencyClient(port).withToken(fixtures.token(user));
        assertThat(api.get("/api/v1/agency/legal-requests").statusCode()).isEqualTo(200);

        ConsoleClient staff = new ConsoleClient(port);
        staff.logIn("staff", "hoptrace");
        String csrf = ConsoleClient.csrfTokenOf(staff.get("/agencies/" + user.agencyId() + "/users").body());
        HttpResponse<String> disabled = staff.postForm("/agencies/" + user.agencyId() + "/users/" + user.id() + "/disable",
                "_csrf=" + csrf);

        assertThat(disabled.statusCode()).isEqualTo(302);
        assertThat(users.find(user.id()).orElseThrow().status()).isEqualTo(AgencyUser.Status.DISABLED);
        assertThat(browser.get("/agency").headers().firstValue("Location").orElseThrow()).endsWith("/agency/login?ended");
        assertThat(api.get("/api/v1/agency/legal-requests").statusCode()).isEqualTo(401);
        engine.clock().advance(Duration.ofSeconds(30));
        assertThat(new AgencyClient(port).logIn(user.email(), AgencyPortalFixtures.PASSWORD, fixtures.code(user))
                .headers().firstValue("Location").orElseThrow()).endsWith("?error");
    }

    @Test
    void staffInviteFromTheAgencysConsolePage() {
        Agency agency = fixtures.agency();
        ConsoleClient staff = new ConsoleClient(port);
        staff.logIn("staff", "hoptrace");
        String csrf = ConsoleClient.csrfTokenOf(staff.get("/agencies/" + agency.id() + "/users").body());

        HttpResponse<String> wrong = staff.postForm("/agencies/" + agency.id() + "/users",
                "email=x%40elsewhere.example&fullName=X&_csrf=" + csrf);
        HttpResponse<String> done = staff.postForm("/agencies/" + agency.id() + "/users",
                "email=sam%40" + agency.verifiedDomains().get(0) + "&fullName=Sam&_csrf=" + csrf);

        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("not at a verified domain");
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(staff.get("/agencies/" + agency.id() + "/users").body()).contains("sam@" + agency.verifiedDomains().get(0));
        assertThat(invitationLink("sam@" + agency.verifiedDomains().get(0))).startsWith("/agency/invitation?token=");
    }

    private String invitationLink(String email) {
        MimeMessage message = await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> GreenMailUtil.getHeaders(m).contains(email)).reduce((a, b) -> b).orElse(null), m -> m != null);
        String body = GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as("an invitation link in:%n%s", body).isTrue();
        return link.group(1);
    }

    private static String secretOf(String html) {
        Matcher secret = SECRET.matcher(html);
        assertThat(secret.find()).as("the secret in the page").isTrue();
        return secret.group(1);
    }
}
