package org.hoptrace.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hoptrace.HoptraceTest;
import org.hoptrace.web.ConsoleClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The agency pages of the console, driven like a browser without JavaScript. */
@HoptraceTest
class AgencyPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    AgencyRepository agencies;

    @Autowired
    AgencyFixtures fixtures;

    ConsoleClient browser;

    @BeforeEach
    void logIn() {
        browser = new ConsoleClient(port);
        browser.logIn("staff", "hoptrace");
    }

    @AfterEach
    void deactivateTestAgencies() {
        fixtures.deactivateAll();
    }

    @Test
    void theListShowsTheRegistryAndFiltersIt() {
        String token = "Listtoken" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.agency(token + " Illinois AG", Agency.Type.STATE_ATTORNEY_GENERAL, Set.of("IL"),
                EnumSet.allOf(Agency.Notice.class));
        fixtures.agency(token + " Federal", Agency.Type.FTC, Set.of(), EnumSet.of(Agency.Notice.CAMPAIGN_ALERT));
        Agency retired = fixtures.agency(token + " Retired", Agency.Type.STATE_REGULATOR, Set.of("TX"),
                EnumSet.of(Agency.Notice.NON_COOPERATION_REFERRAL));
        post("/agencies/" + retired.id() + "/deactivate", "/agencies/" + retired.id(), Map.of());

        String all = page("/agencies?query=" + token + "&status=all");
        String active = page("/agencies?query=" + token);
        String illinois = page("/agencies?query=" + token + "&state=IL&notice=non-cooperation-referral");
        String federal = page("/agencies?query=" + token + "&type=ftc");
        String deactivated = page("/agencies?query=" + token + "&status=deactivated");

        assertThat(all).contains("<h1>Agencies</h1>").doesNotContain("This section arrives")
                .contains(token + " Illinois AG", token + " Federal", token + " Retired").contains("3 agencies")
                .contains("nationwide").contains("non-cooperation-referral, campaign-alert");
        assertThat(active).contains(token + " Illinois AG", token + " Federal").doesNotContain(token + " Retired");
        assertThat(illinois).contains(token + " Illinois AG").doesNotContain(token + " Federal");
        assertThat(federal).contains(token + " Federal").doesNotContain(token + " Illinois AG")
                .contains("<option value=\"ftc\" selected=\"selected\">");
        assertThat(deactivated).contains(token + " Retired").contains("badge deactivated")
                .doesNotContain(token + " Illinois AG");
    }

    @Test
    void aNewAgencyWithMistakesComesBackWithTheErrorsAndTheValuesKept() {
        String name = AgencyFixtures.name("Roundtrip AG");
        Map<String, String> form = form(name, "fcc", "IL, XX", "robocalls@fcc.example\nnot-an-email", "bad_domain");

        HttpResponse<String> answer = post("/agencies/new", "/agencies/new", form);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Please correct the fields marked below")
                .contains("&#39;XX&#39; is not a USPS state code").contains("&#39;not-an-email&#39; is not an email address")
                .contains("&#39;bad_domain&#39; is not a domain name")
                .contains("value=\"" + name + "\"").contains("value=\"IL, XX\"")
                .contains("robocalls@fcc.example\nnot-an-email</textarea>")
                .contains("<option value=\"fcc\" selected=\"selected\">")
                .contains("value=\"campaign-alert\" checked=\"checked\"");
        assertThat(agencies.findByName(name)).isEmpty();

        HttpResponse<String> federal = post("/agencies/new", "/agencies/new",
                form(name, "fcc", "IL", "robocalls@fcc.example", ""));
        assertThat(federal.body()).contains("a federal agency (fcc) is nationwide: leave the states empty");
        assertThat(agencies.findByName(name)).isEmpty();
    }

    @Test
    void staffRegisterAnAgencyThenChangeItDeactivateItAndActivateIt() {
        String name = AgencyFixtures.name("Roundtrip AG");

        HttpResponse<String> created = post("/agencies/new", "/agencies/new",
                form(name, "state-attorney-general", "ny, nj", "robocalls@ag-rt.example", "AG-RT.example"));

        assertThat(created.statusCode()).isEqualTo(302);
        Agency agency = fixtures.track(agencies.findByName(name).orElseThrow());
        String path = location(created);
        assertThat(path).isEqualTo("/agencies/" + agency.id());
        assertThat(page(path)).contains("The agency is registered.").contains(name).contains("NJ, NY")
                .contains("robocalls@ag-rt.example").contains("<code>ag-rt.example</code>")
                .contains("campaign-alert").contains(">Deactivate</button>");

        String edit = page(path + "/edit");
        assertThat(edit).contains("value=\"" + name + "\"").contains("value=\"NJ, NY\"")
                .contains("robocalls@ag-rt.example</textarea>");
        Map<String, String> changed = form(name + " Office", "state-attorney-general", "NY", "robocalls@ag-rt.example\nnoc@ag-rt.example", "ag-rt.example");
        changed.remove("notices");
        assertThat(post(path + "/edit", path + "/edit", changed).statusCode()).isEqualTo(302);
        Agency stored = agencies.get(agency.id());
        assertThat(stored.name()).isEqualTo(name + " Office");
        assertThat(stored.jurisdictionStates()).containsExactly("NY");
        assertThat(stored.contactEmails()).containsExactly("robocalls@ag-rt.example", "noc@ag-rt.example");
        assertThat(stored.notices()).as("no box ticked").isEmpty();
        assertThat(page(path)).contains("The changes are saved.").contains("noc@ag-rt.example");

        assertThat(post(path + "/deactivate", path, Map.of()).statusCode()).isEqualTo(302);
        assertThat(agencies.get(agency.id()).active()).isFalse();
        assertThat(page(path)).contains("The agency is deactivated").contains(">Activate</button>")
                .doesNotContain(">Deactivate</button>");

        assertThat(post(path + "/activate", path, Map.of()).statusCode()).isEqualTo(302);
        assertThat(agencies.get(agency.id()).active()).isTrue();
        assertThat(page(path)).contains("The agency is active again.");
    }

    @Test
    void aNameThatIsTakenIsShownOnTheNameField() {
        String name = AgencyFixtures.name("Taken AG");
        fixtures.agency(name, Agency.Type.STATE_ATTORNEY_GENERAL, Set.of("OH"), EnumSet.allOf(Agency.Notice.class));

        HttpResponse<String> answer = post("/agencies/new", "/agencies/new",
                form(name.toLowerCase(), "state-attorney-general", "OH", "robocalls@ag-oh2.example", ""));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("id=\"name-error\"").contains("another agency has this name");
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        Agency agency = fixtures.agency(AgencyFixtures.name("Guarded"), Agency.Type.FCC, Set.of(),
                EnumSet.allOf(Agency.Notice.class));

        HttpResponse<String> answer = browser.postForm("/agencies/" + agency.id() + "/deactivate", "");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(agencies.get(agency.id()).active()).isTrue();
    }

    @Test
    void legalReviewersSeeAgenciesButCannotChangeThem() {
        Agency agency = fixtures.agency(AgencyFixtures.name("Visible"), Agency.Type.FCC, Set.of(),
                EnumSet.allOf(Agency.Notice.class));
        ConsoleClient reviewer = new ConsoleClient(port);
        reviewer.logIn("reviewer", "hoptrace");
        String path = "/agencies/" + agency.id();

        HttpResponse<String> detail = reviewer.get(path);
        String token = ConsoleClient.csrfTokenOf(detail.body());

        assertThat(reviewer.get("/agencies").statusCode()).isEqualTo(200);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains(agency.name()).doesNotContain(">Deactivate</button>")
                .doesNotContain(path + "/edit");
        assertThat(reviewer.get("/agencies").body()).doesNotContain("New agency");
        assertThat(reviewer.get("/agencies/new").statusCode()).isEqualTo(403);
        assertThat(reviewer.get(path + "/edit").statusCode()).isEqualTo(403);
        assertThat(reviewer.postForm(path + "/deactivate", "_csrf=" + token).statusCode()).isEqualTo(403);
        assertThat(agencies.get(agency.id()).active()).isTrue();
    }

    @Test
    void aProviderUserDoesNotSeeTheAgencies() {
        ConsoleClient carrier = new ConsoleClient(port);
        carrier.logIn("carrier", "hoptrace");

        assertThat(carrier.get("/agencies").statusCode()).isEqualTo(403);
    }

    @Test
    void anUnknownAgencyIsTheNotFoundPage() {
        HttpResponse<String> page = browser.get("/agencies/" + UUID.randomUUID());

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found");
    }

    private static Map<String, String> form(String name, String type, String states, String emails, String domains) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("name", name);
        form.put("type", type);
        form.put("jurisdictionStates", states);
        form.put("contactEmails", emails);
        form.put("notices", "campaign-alert");
        form.put("verifiedDomains", domains);
        return form;
    }

    private String page(String path) {
        HttpResponse<String> response = browser.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /** Posts a form the way the browser does: with the CSRF token of the page it is on. */
    private HttpResponse<String> post(String path, String from, Map<String, String> fields) {
        List<String> pairs = new ArrayList<>();
        pairs.add("_csrf=" + encode(ConsoleClient.csrfTokenOf(page(from))));
        fields.forEach((name, value) -> pairs.add(encode(name) + "=" + encode(value)));
        return browser.postForm(path, String.join("&", pairs));
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
