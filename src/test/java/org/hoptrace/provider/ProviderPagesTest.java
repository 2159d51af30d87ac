package org.hoptrace.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hoptrace.HoptraceTest;
import org.hoptrace.traceback.Hop;
import org.hoptrace.traceback.Traceback;
import org.hoptrace.traceback.TracebackFixtures;
import org.hoptrace.web.ConsoleClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The provider pages of the console, driven like a browser (without JavaScript) by a logged-in staff member. */
@HoptraceTest
class ProviderPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    ProviderRepository providers;

    @Autowired
    ProviderService service;

    @Autowired
    TracebackFixtures tracebacks;

    ConsoleClient browser;

    @BeforeEach
    void logIn() {
        browser = new ConsoleClient(port);
        browser.logIn("staff", "hoptrace");
    }

    @Test
    void theListFindsProvidersByNameRoleAndCountryAndMarksThoseNotVetted() {
        String token = "Listtoken" + UUID.randomUUID().toString().substring(0, 8);
        service.create(draft(token + " Gateway Ltd", "GB", "gateway"));
        service.create(draft(token + " Terminating Inc", "US", "terminating"));
        providers.insert(new Provider(null, token + " Named Upstream", null, null, "US", Provider.Role.UNKNOWN,
                List.of("noc@named.example"), null, null, null, null, false, null, null));

        String all = page("/providers?query=" + token);
        String gateways = page("/providers?query=" + token + "&role=gateway&country=gb");
        String unvetted = page("/providers?query=" + token + "&status=unvetted");

        assertThat(all).contains("<h1>Providers</h1>").doesNotContain("This section arrives")
                .contains(token + " Gateway Ltd", token + " Terminating Inc", token + " Named Upstream")
                .contains("named by an answer, not vetted").contains("3 providers");
        assertThat(gateways).contains(token + " Gateway Ltd").doesNotContain(token + " Terminating Inc");
        assertThat(unvetted).contains(token + " Named Upstream").doesNotContain(token + " Gateway Ltd");
    }

    @Test
    void theListPagesThroughManyProviders() {
        String token = "Pagetoken" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 10; i < 10 + ProviderPages.PAGE_SIZE + 2; i++) {
            service.create(draft(token + " Carrier " + i, "US", "intermediate"));
        }

        String first = page("/providers?query=" + token);
        String second = page("/providers?query=" + token + "&page=1");

        assertThat(first).contains("Page 1 of 2 · 27 providers").contains(token + " Carrier 34")
                .doesNotContain(token + " Carrier 35").contains("rel=\"next\"");
        assertThat(second).contains("Page 2 of 2").contains(token + " Carrier 35", token + " Carrier 36")
                .contains("rel=\"prev\"");
    }

    @Test
    void aNewProviderWithMistakesComesBackWithTheErrorsAndTheValuesKept() {
        String name = ApiClient.name("Roundtrip Voice");
        Map<String, String> form = form(name, "12-34", "RMD77", "ZZ", "terminating", "traceback@roundtrip.example\nnot-an-email");

        HttpResponse<String> answer = post("/providers/new", "/providers/new", form);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Please correct the fields marked below")
                .contains("an FCC Form 499 filer id is 6 to 10 digits").contains("an RMD number is RMD and 7 digits")
                .contains("enter an ISO 3166 two-letter country code").contains("&#39;not-an-email&#39; is not an email address")
                .contains("value=\"" + name + "\"").contains("value=\"12-34\"").contains("value=\"ZZ\"")
                .contains("<option value=\"terminating\" selected=\"selected\">");
        assertThat(providers.page(new ProviderFilter(name, null, null, null, 0, 5)).total()).isZero();
    }

    @Test
    void staffRegisterAProviderThenChangeIt() {
        String name = ApiClient.name("Roundtrip Voice");
        String filerId = ApiClient.filerId();

        HttpResponse<String> created = post("/providers/new", "/providers/new",
                form(name, filerId, "rmd0007001", "us", "terminating", "traceback@roundtrip.example"));

        assertThat(created.statusCode()).isEqualTo(302);
        String path = created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        Provider provider = providers.findByFilerId(filerId).orElseThrow();
        assertThat(path).isEqualTo("/providers/" + provider.id());
        assertThat(page(path)).contains("The provider is registered.").contains(name).contains("RMD0007001")
                .contains("traceback@roundtrip.example").contains("none issued");

        String edit = page(path + "/edit");
        assertThat(edit).contains("value=\"" + filerId + "\"").contains("traceback@roundtrip.example</textarea>");
        Map<String, String> changed = form(name, filerId, "RMD0007001", "US", "gateway",
                "traceback@roundtrip.example\nnoc@roundtrip.example");
        changed.put("contactPhone", "+1 202 555 0199");
        HttpResponse<String> saved = post(path + "/edit", path + "/edit", changed);

        assertThat(saved.statusCode()).isEqualTo(302);
        Provider stored = providers.get(provider.id());
        assertThat(stored.role()).isEqualTo(Provider.Role.GATEWAY);
        assertThat(stored.contactEmails()).containsExactly("traceback@roundtrip.example", "noc@roundtrip.example");
        assertThat(page(path)).contains("The changes are saved.").contains("+1 202 555 0199");
    }

    @Test
    void aGeneratedWebhookSecretAndNewApiCredentialsAreShownOnlyOnce() {
        Map<String, String> form = form(ApiClient.name("Hooked Voice"), ApiClient.filerId(), "", "US", "intermediate",
                "traceback@hooked.example");
        form.put("webhookUrl", "https://hooks.hooked.example/traceback");
        String path = post("/providers/new", "/providers/new", form).headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", "");
        UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
        String secret = providers.get(id).webhookSecret();

        String firstView = page(path);
        String secondView = page(path);

        assertThat(firstView).contains("New webhook signing secret").contains(secret).contains("yes: https://hooks.hooked.example/traceback");
        assertThat(secondView).doesNotContain(secret).contains("set (never shown)");

        HttpResponse<String> issued = post(path + "/api-credentials", path, Map.of());
        assertThat(issued.statusCode()).isEqualTo(302);
        String withCredentials = page(path);
        String keyId = providers.get(id).apiKeyId();
        String apiSecret = between(withCredentials, "<code class=\"api-secret\">", "</code>");
        assertThat(withCredentials).contains("shown only this once").contains(keyId);
        assertThat(providers.apiKeyHash(keyId)).hasValue(ApiCredentials.hash(apiSecret));
        assertThat(page(path)).contains(keyId).doesNotContain(apiSecret);
    }

    @Test
    void aProviderNamedByAnAnswerIsVettedFromItsPage() {
        Provider named = providers.insert(new Provider(null, ApiClient.name("Named Upstream"), null, null, "GB",
                Provider.Role.UNKNOWN, List.of("noc@named-upstream.example"), null, null, null, null, false, null, null));
        String path = "/providers/" + named.id();
        assertThat(page(path)).contains("Named by an answer, not vetted.");

        post(path + "/registration", path, Map.of());

        assertThat(providers.get(named.id()).registered()).isTrue();
        assertThat(page(path)).contains("The provider is vetted and registered.").doesNotContain("Vet and register");
    }

    @Test
    void theProviderPageListsTheHopsTheProviderWasAskedAbout() {
        Provider terminating = tracebacks.provider("US");
        Traceback traceback = tracebacks.open(terminating);
        Hop hop = tracebacks.requestedHop(traceback.id(), 1);

        String detail = page("/providers/" + terminating.id());

        assertThat(detail).contains("Recent hops").contains(traceback.reference()).contains(hop.deadline().toString());
    }

    @Test
    void theImportPageReportsRejectedRowsWithTheirLines() {
        String good = ApiClient.name("Imported Voice");
        String csv = "legal_name,country,role,contact_emails,filer_499_id\r\n"
                + "\"" + good + "\",US,intermediate,ops@imported.example," + ApiClient.filerId() + "\r\n"
                + "Broken Row LLC,ZZ,carrier,ops@broken.example,\r\n";
        String token = ConsoleClient.csrfTokenOf(page("/providers/import"));

        HttpResponse<String> report = browser.postFile("/providers/import", Map.of("_csrf", token, "mode", "create"),
                "file", "providers.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("<strong class=\"accepted-count\">1</strong> imported")
                .contains("<strong class=\"rejected-count\">1</strong> rejected")
                .contains("<td>3</td>").contains("country: enter an ISO 3166 two-letter country code")
                .contains("role: choose one of").contains(good);
    }

    @Test
    void anUnknownProviderIsTheNotFoundPage() {
        HttpResponse<String> answer = browser.get("/providers/" + UUID.randomUUID());

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("Page not found");
    }

    @Test
    void onlyItgStaffSeeTheProviderPages() {
        ConsoleClient reviewer = new ConsoleClient(port);
        reviewer.logIn("reviewer", "hoptrace");

        assertThat(reviewer.get("/providers").statusCode()).isEqualTo(403);
        assertThat(reviewer.get("/providers/new").statusCode()).isEqualTo(403);
        assertThat(new ConsoleClient(port).get("/providers").statusCode()).isEqualTo(302);
    }

    private static ProviderDraft draft(String name, String country, String role) {
        return new ProviderDraft(name, null, null, country, role, List.of("traceback@list.example"), null, null, null, null);
    }

    private static Map<String, String> form(String name, String filerId, String rmd, String country, String role,
                                            String emails) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("legalName", name);
        form.put("filer499Id", filerId);
        form.put("rmdNumber", rmd);
        form.put("country", country);
        form.put("role", role);
        form.put("contactEmails", emails);
        return form;
    }

    private String page(String path) {
        HttpResponse<String> answer = browser.get(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return answer.body();
    }

    /** Posts a form the way the page at {@code formPage} does, with its CSRF token. */
    private HttpResponse<String> post(String path, String formPage, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", ConsoleClient.csrfTokenOf(page(formPage)));
        return browser.postForm(path, form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }
}
