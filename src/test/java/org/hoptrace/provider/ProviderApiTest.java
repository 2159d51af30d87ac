package org.hoptrace.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.HoptraceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@HoptraceTest
class ProviderApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    ProviderRepository providers;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port, json);
    }

    static Map<String, Object> draft(String name, String filerId) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("legalName", name);
        draft.put("filer499Id", filerId);
        draft.put("rmdNumber", "rmd0001234");
        draft.put("country", "us");
        draft.put("role", "Intermediate");
        draft.put("contactEmails", List.of("traceback@carrier.example", " noc@carrier.example "));
        draft.put("contactPhone", "+1 202 555 0100");
        return draft;
    }

    @Test
    void staffRegistersAProviderAndReadsItBackNormalised() {
        String name = ApiClient.name("Prairie Voice");
        String filerId = ApiClient.filerId();

        ApiClient.Answer created = api.post("/api/v1/providers", "staff", draft(name, filerId));

        assertThat(created.status()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("http://localhost:\\d+/api/v1/providers/[0-9a-f-]{36}");
        JsonNode provider = api.get(location.substring(location.indexOf("/api/")), "staff").json();
        assertThat(provider.get("legalName").asText()).isEqualTo(name);
        assertThat(provider.get("filer499Id").asText()).isEqualTo(filerId);
        assertThat(provider.get("rmdNumber").asText()).isEqualTo("RMD0001234");
        assertThat(provider.get("country").asText()).isEqualTo("US");
        assertThat(provider.get("role").asText()).isEqualTo("intermediate");
        assertThat(provider.get("contactEmails")).extracting(JsonNode::asText)
                .containsExactly("traceback@carrier.example", "noc@carrier.example");
        assertThat(provider.get("registered").asBoolean()).isTrue();
        assertThat(provider.get("webhookConfigured").asBoolean()).isFalse();
        assertThat(provider.has("webhookSecret")).isFalse();
    }

    @Test
    void staffChangesAProviderWithPut() {
        String id = api.post("/api/v1/providers", "staff", draft(ApiClient.name("Harbor Telecom"), ApiClient.filerId()))
                .json().get("id").asText();
        Map<String, Object> changed = draft("Harbor Telecom Holdings LLC", null);
        changed.put("role", "gateway");
        changed.put("contactEmails", List.of("abuse@harbor.example"));

        ApiClient.Answer updated = api.put("/api/v1/providers/" + id, "staff", changed);

        assertThat(updated.status()).isEqualTo(200);
        Provider stored = providers.get(UUID.fromString(id));
        assertThat(stored.legalName()).isEqualTo("Harbor Telecom Holdings LLC");
        assertThat(stored.filer499Id()).isNull();
        assertThat(stored.role()).isEqualTo(Provider.Role.GATEWAY);
        assertThat(stored.contactEmails()).containsExactly("abuse@harbor.example");
        assertThat(stored.registered()).isTrue();
    }

    @Test
    void listFiltersByQueryRoleAndCountryAndPages() {
        String token = "Filtertoken" + UUID.randomUUID().toString().substring(0, 8);
        String gbFiler = ApiClient.filerId();
        create(token + " Alpha", gbFiler, "gateway", "GB");
        create(token + " Bravo", ApiClient.filerId(), "gateway", "US");
        create(token + " Charlie", ApiClient.filerId(), "terminating", "US");

        JsonNode all = api.get("/api/v1/providers?query=" + token.toLowerCase(), "staff").json();
        JsonNode gateways = api.get("/api/v1/providers?query=" + token + "&role=gateway", "staff").json();
        JsonNode british = api.get("/api/v1/providers?query=" + token + "&role=gateway&country=gb", "staff").json();
        JsonNode byFilerId = api.get("/api/v1/providers?query=" + gbFiler, "staff").json();
        JsonNode firstPage = api.get("/api/v1/providers?query=" + token + "&size=2&page=0", "staff").json();
        JsonNode secondPage = api.get("/api/v1/providers?query=" + token + "&size=2&page=1", "staff").json();

        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(names(all)).containsExactly(token + " Alpha", token + " Bravo", token + " Charlie");
        assertThat(names(gateways)).containsExactly(token + " Alpha", token + " Bravo");
        assertThat(names(british)).containsExactly(token + " Alpha");
        assertThat(names(byFilerId)).containsExactly(token + " Alpha");
        assertThat(names(firstPage)).containsExactly(token + " Alpha", token + " Bravo");
        assertThat(firstPage.get("total").asLong()).isEqualTo(3);
        assertThat(names(secondPage)).containsExactly(token + " Charlie");
        assertThat(secondPage.get("page").asInt()).isEqualTo(1);
    }

    @Test
    void badListParametersAreA400Problem() {
        ApiClient.Answer answer = api.get("/api/v1/providers?role=carrier&size=500", "staff");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(fields(answer)).containsExactly("role", "size");
    }

    @Test
    void invalidProviderIsA400ProblemListingEachField() {
        Map<String, Object> invalid = new HashMap<>();
        invalid.put("legalName", " ");
        invalid.put("filer499Id", "12ab");
        invalid.put("rmdNumber", "RMD12");
        invalid.put("country", "XX");
        invalid.put("role", "carrier");
        invalid.put("contactEmails", List.of("traceback@carrier.example", "not-an-email"));
        invalid.put("webhookUrl", "ftp://hooks.carrier.example/traceback");

        ApiClient.Answer answer = api.post("/api/v1/providers", "staff", invalid);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.json().get("type").asText()).isEqualTo("https://hoptrace.org/problems/validation-failed");
        assertThat(fields(answer)).containsExactly("legalName", "filer499Id", "rmdNumber", "country", "role",
                "contactEmails", "webhookUrl");
        assertThat(answer.body()).contains("'not-an-email' is not an email address");
    }

    @Test
    void unknownProviderIsA404Problem() {
        String path = "/api/v1/providers/" + UUID.randomUUID();

        ApiClient.Answer get = api.get(path, "staff");
        ApiClient.Answer put = api.put(path, "staff", draft(ApiClient.name("Nobody"), null));
        ApiClient.Answer credentials = api.post(path + "/api-credentials", "staff", "");

        for (ApiClient.Answer answer : List.of(get, put, credentials)) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
            assertThat(answer.json().get("type").asText()).isEqualTo("https://hoptrace.org/problems/not-found");
        }
    }

    @Test
    void aFilerIdThatIsRegisteredAlreadyIsA409Problem() {
        String filerId = ApiClient.filerId();
        String first = create(ApiClient.name("First Mile"), filerId, "originating", "US");
        String other = create(ApiClient.name("Second Mile"), ApiClient.filerId(), "originating", "US");

        ApiClient.Answer duplicate = api.post("/api/v1/providers", "staff", draft(ApiClient.name("Copycat"), filerId));
        ApiClient.Answer changedToDuplicate = api.put("/api/v1/providers/" + other, "staff", draft(ApiClient.name("Second"), filerId));

        for (ApiClient.Answer answer : List.of(duplicate, changedToDuplicate)) {
            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
            assertThat(answer.json().get("type").asText()).isEqualTo("https://hoptrace.org/problems/filer-id-taken");
            assertThat(answer.json().get("existingProviderId").asText()).isEqualTo(first);
            assertThat(fields(answer)).containsExactly("filer499Id");
        }
        assertThat(api.put("/api/v1/providers/" + first, "staff", draft(ApiClient.name("First"), filerId)).status())
                .as("a provider keeps its own filer id").isEqualTo(200);
    }

    @Test
    void onlyItgStaffAndAdministratorsUseTheRegistry() {
        Map<String, Object> draft = draft(ApiClient.name("Gatecrasher"), null);

        assertThat(api.get("/api/v1/providers", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/providers", null, draft).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/providers", "reviewer").status()).isEqualTo(403);
        assertThat(api.post("/api/v1/providers", "supervisor", draft).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/providers/import", "reviewer", "").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/providers", "admin").status()).isEqualTo(200);
        assertThat(providers.page(new ProviderFilter(draft.get("legalName").toString(), null, null, null, 0, 10)).total())
                .isZero();
    }

    @Test
    void apiCredentialsAreShownOnceAndOnlyTheHashOfTheSecretIsStored() {
        String id = create(ApiClient.name("Automated Answers"), ApiClient.filerId(), "intermediate", "US");

        ApiClient.Answer issued = api.post("/api/v1/providers/" + id + "/api-credentials", "staff", "");
        ApiClient.Answer reissued = api.post("/api/v1/providers/" + id + "/api-credentials", "staff", "");

        assertThat(issued.status()).isEqualTo(200);
        assertThat(issued.headers().firstValue("Cache-Control")).hasValue("no-store");
        String keyId = issued.json().get("keyId").asText();
        String secret = issued.json().get("secret").asText();
        assertThat(keyId).matches("hp_[0-9a-f]{20}");
        assertThat(secret).matches("[A-Za-z0-9_-]{43}");
        assertThat(providers.apiKeyHash(keyId)).as("replaced by the second issue").isEmpty();
        String newKeyId = reissued.json().get("keyId").asText();
        String newSecret = reissued.json().get("secret").asText();
        assertThat(providers.apiKeyHash(newKeyId)).hasValue(ApiCredentials.hash(newSecret));
        assertThat(ApiCredentials.hash(newSecret)).hasSize(64).isNotEqualTo(newSecret);
        ApiClient.Answer shown = api.get("/api/v1/providers/" + id, "staff");
        assertThat(shown.json().get("apiKeyId").asText()).isEqualTo(newKeyId);
        assertThat(shown.body()).doesNotContain(newSecret).doesNotContain(ApiCredentials.hash(newSecret));
    }

    @Test
    void aProviderNamedByAnAnswerIsVettedBeforeItGetsApiCredentials() {
        Provider named = providers.insert(new Provider(null, ApiClient.name("Named Upstream"), null, null, "US",
                Provider.Role.UNKNOWN, List.of("ops@named-upstream.example"), null, null, null, null, false, null, null));
        String path = "/api/v1/providers/" + named.id();

        ApiClient.Answer refused = api.post(path + "/api-credentials", "staff", "");
        ApiClient.Answer vetted = api.post(path + "/registration", "staff", "");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).startsWith("vet ");
        assertThat(vetted.status()).isEqualTo(200);
        assertThat(vetted.json().get("registered").asBoolean()).isTrue();
        assertThat(providers.get(named.id()).registered()).isTrue();
        assertThat(api.post(path + "/api-credentials", "staff", "").status()).isEqualTo(200);
    }

    @Test
    void vettingAProviderWithoutAContactEmailAsksForOne() {
        Provider named = providers.insert(new Provider(null, ApiClient.name("Silent Upstream"), null, null, "US",
                Provider.Role.UNKNOWN, List.of(), null, null, null, null, false, null, null));

        ApiClient.Answer refused = api.post("/api/v1/providers/" + named.id() + "/registration", "staff", "");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("contactEmails");
        assertThat(providers.get(named.id()).registered()).isFalse();
    }

    @Test
    void aWebhookWithoutASecretGetsAGeneratedOneShownOnce() {
        Map<String, Object> draft = draft(ApiClient.name("Hooked Voice"), ApiClient.filerId());
        draft.put("webhookUrl", "https://hooks.hooked-voice.example/traceback");

        ApiClient.Answer created = api.post("/api/v1/providers", "staff", draft);

        String generated = created.json().get("webhookSecret").asText();
        UUID id = UUID.fromString(created.json().get("id").asText());
        assertThat(generated).matches("[A-Za-z0-9_-]{43}");
        assertThat(created.json().get("webhookConfigured").asBoolean()).isTrue();
        assertThat(providers.get(id).webhookSecret()).isEqualTo(generated);
        assertThat(api.get("/api/v1/providers/" + id, "staff").body()).doesNotContain(generated);

        draft.put("contactPhone", "+1 312 555 0199");
        ApiClient.Answer updated = api.put("/api/v1/providers/" + id, "staff", draft);
        assertThat(updated.json().has("webhookSecret")).as("the secret is kept, not shown").isFalse();
        assertThat(providers.get(id).webhookSecret()).isEqualTo(generated);

        ApiClient.Answer rotated = api.post("/api/v1/providers/" + id + "/webhook-secret", "staff", "");
        String next = rotated.json().get("webhookSecret").asText();
        assertThat(next).isNotEqualTo(generated);
        assertThat(providers.get(id).webhookSecret()).isEqualTo(next);
    }

    @Test
    void aShortWebhookSecretIsRefusedAndAGivenOneIsNotEchoed() {
        Map<String, Object> draft = draft(ApiClient.name("Own Secret Voice"), ApiClient.filerId());
        draft.put("webhookUrl", "https://hooks.own-secret.example/traceback");
        draft.put("webhookSecret", "too-short");

        ApiClient.Answer refused = api.post("/api/v1/providers", "staff", draft);
        draft.put("webhookSecret", "a-secret-of-thirty-two-characters");
        ApiClient.Answer created = api.post("/api/v1/providers", "staff", draft);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("webhookSecret");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("a-secret-of-thirty-two-characters");
        assertThat(providers.get(UUID.fromString(created.json().get("id").asText())).webhookSecret())
                .isEqualTo("a-secret-of-thirty-two-characters");
    }

    @Test
    void rotatingTheSecretOfAProviderWithoutWebhookIsA409Problem() {
        String id = create(ApiClient.name("No Hook"), null, "terminating", "US");

        assertThat(api.post("/api/v1/providers/" + id + "/webhook-secret", "staff", "").status()).isEqualTo(409);
    }

    @Test
    void theRegistryIsInTheOpenApiDescription() {
        String description = api.get("/v3/api-docs", null).body();

        assertThat(description).contains("\"/api/v1/providers\"", "\"/api/v1/providers/{id}\"",
                "\"/api/v1/providers/{id}/api-credentials\"", "\"/api/v1/providers/import\"", "text/csv");
    }

    private String create(String name, String filerId, String role, String country) {
        Map<String, Object> draft = draft(name, filerId);
        draft.put("role", role);
        draft.put("country", country);
        ApiClient.Answer created = api.post("/api/v1/providers", "staff", draft);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static List<String> names(JsonNode page) {
        return page.get("items").findValuesAsText("legalName");
    }

    private static List<String> fields(ApiClient.Answer answer) {
        return answer.json().get("errors").findValuesAsText("field");
    }
}
