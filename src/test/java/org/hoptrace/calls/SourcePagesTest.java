package org.hoptrace.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hoptrace.HoptraceTest;
import org.hoptrace.provider.Provider;
import org.hoptrace.provider.ProviderRepository;
import org.hoptrace.web.ConsoleClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console's data source pages, driven like a browser (without JavaScript) by a logged-in staff member. */
@HoptraceTest
class SourcePagesTest {

    @LocalServerPort
    int port;

    @Autowired
    CallSourceRepository sources;

    @Autowired
    SourceService service;

    @Autowired
    ProviderRepository providers;

    ConsoleClient browser;

    @BeforeEach
    void logIn() {
        browser = new ConsoleClient(port);
        browser.logIn("staff", "hoptrace");
    }

    @Test
    void staffRegisterASourceSeeItsKeyOnceAndUploadCallsWithAReport() {
        String name = CallsClient.name("Canyon Telecom");
        String token = ConsoleClient.csrfTokenOf(browser.get("/sources").body());

        HttpResponse<String> created = browser.postForm("/sources", "name=" + encode(name) + "&kind=carrier&contactEmail=&_csrf="
                + encode(token));
        String location = created.headers().firstValue("Location").orElseThrow();
        String path = location.substring(location.indexOf("/sources/"));
        String firstView = browser.get(path).body();
        String secondView = browser.get(path).body();
        String csv = "callTime,callingNumber,sourceCallId\n2026-03-01T14:05:00Z,2025550143,p-1\n"
                + "2026-03-01T14:05:00Z,555,p-2\n2026-03-01T14:05:00Z,2025550144,p-1\n";
        HttpResponse<String> upload = browser.postFile(path + "/upload", Map.of("_csrf", ConsoleClient.csrfTokenOf(secondView),
                "layout", ""), "file", "calls.csv", csv.getBytes(StandardCharsets.UTF_8));
        String list = browser.get("/sources").body();

        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(firstView).contains("New API key").containsPattern("class=\"api-key\">hcs_[0-9a-f]{12}\\.");
        assertThat(secondView).contains(name).doesNotContain("New API key").doesNotContain("class=\"api-key\"");
        assertThat(upload.body()).contains("<strong class=\"accepted-count\">1</strong>")
                .contains("<strong class=\"duplicate-count\">1</strong>")
                .contains("<strong class=\"rejected-count\">1</strong>")
                .contains("callingNumber: &#39;555&#39; is not a phone number");
        Matcher link = Pattern.compile("class=\"rejections-link\" href=\"([^\"]+)\"").matcher(upload.body());
        assertThat(link.find()).isTrue();
        HttpResponse<String> download = browser.get(link.group(1));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).startsWith("line,index,reasons\r\n3,,");
        assertThat(list).contains(name).contains("<a href=\"/sources\" class=\"active\">Sources</a>");
        assertThat(sources.all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().acceptedCalls()).isEqualTo(1);
    }

    @Test
    void anInvalidSourceIsShownWithItsProblemsAndAnUnreadableUploadStoresNothing() {
        String token = ConsoleClient.csrfTokenOf(browser.get("/sources").body());
        HttpResponse<String> invalid = browser.postForm("/sources", "name=&kind=carrier&contactEmail=nope&_csrf=" + encode(token));
        CallSource source = sources.get(service.register(new SourceDraft(CallsClient.name("Upload Target"), "other", null))
                .source().id());
        String page = browser.get("/sources/" + source.id()).body();

        HttpResponse<String> upload = browser.postFile("/sources/" + source.id() + "/upload", Map.of("_csrf",
                ConsoleClient.csrfTokenOf(page), "layout", ""), "file", "odd.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));

        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("not an email address").contains("required");
        assertThat(upload.body()).contains("Nothing was stored").contains("matches no layout");
        assertThat(sources.get(source.id()).lastSeenAt()).isNull();
    }

    @Test
    void staffChooseTheTerminatingProviderFromTheRegistry() {
        Provider carrier = providers.insert(new Provider(null, CallsClient.name("Mesa Terminating"), null, null, "US",
                Provider.Role.TERMINATING, List.of("noc@mesa.example"), null, null, null, null, true, null, null));
        String name = CallsClient.name("Mesa Carrier");
        String form = browser.get("/sources").body();

        HttpResponse<String> created = browser.postForm("/sources", "name=" + encode(name) + "&kind=carrier&contactEmail="
                + "&terminatingProviderId=" + carrier.id() + "&_csrf=" + encode(ConsoleClient.csrfTokenOf(form)));
        String location = created.headers().firstValue("Location").orElseThrow();
        String path = location.substring(location.indexOf("/sources/"));
        String page = browser.get(path).body();
        CallSource source = sources.get(java.util.UUID.fromString(path.substring("/sources/".length())));
        HttpResponse<String> unknown = browser.postForm(path + "/terminating-provider", "terminatingProviderId="
                + java.util.UUID.randomUUID() + "&_csrf=" + encode(ConsoleClient.csrfTokenOf(page)));
        String refused = browser.get(path).body();
        browser.postForm(path + "/terminating-provider", "terminatingProviderId=&_csrf=" + encode(ConsoleClient.csrfTokenOf(refused)));
        String cleared = browser.get(path).body();

        assertThat(form).contains("<option value=\"" + carrier.id() + "\">" + carrier.legalName() + "</option>");
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(source.terminatingProviderId()).isEqualTo(carrier.id());
        assertThat(page).contains("href=\"/providers/" + carrier.id() + "\">" + carrier.legalName() + "</a>")
                .contains("<option value=\"" + carrier.id() + "\" selected=\"selected\">");
        assertThat(unknown.statusCode()).isEqualTo(302);
        assertThat(refused).contains("in the registry")
                .contains("href=\"/providers/" + carrier.id() + "\"");
        assertThat(cleared).contains("The terminating provider was removed.").contains("none (automatic tracebacks use");
        assertThat(sources.get(source.id()).terminatingProviderId()).isNull();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
