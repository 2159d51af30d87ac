package org.hoptrace.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.HoptraceTest;
import org.hoptrace.web.JsonApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@HoptraceTest
class AgencyApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    AgencyRepository agencies;

    @Autowired
    AgencyFixtures fixtures;

    JsonApiClient api;

    @BeforeEach
    void client() {
        api = new JsonApiClient(port, json);
    }

    @AfterEach
    void deactivateTestAgencies() {
        fixtures.deactivateAll();
    }

    static Map<String, Object> draft(String name) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("name", name);
        draft.put("type", "State-Attorney-General");
        draft.put("jurisdictionStates", List.of("in", "IL"));
        draft.put("contactEmails", List.of(" robocalls@ag-test.example", "consumer@ag-test.example"));
        draft.put("notices", List.of("campaign-alert", "non-cooperation-referral"));
        draft.put("verifiedDomains", List.of("AG-Test.example"));
        return draft;
    }

    @Test
    void staffRegisterAnAgencyAndReadItBackNormalised() {
        String name = AgencyFixtures.name("Attorney General");

        JsonApiClient.Answer created = create(draft("  " + name + " "));

        assertThat(created.status()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("http://localhost:\\d+/api/v1/agencies/[0-9a-f-]{36}");
        JsonNode agency = api.get(location.substring(location.indexOf("/api/")), "staff").json();
        assertThat(agency.get("name").asText()).isEqualTo(name);
        assertThat(agency.get("type").asText()).isEqualTo("state-attorney-general");
        assertThat(texts(agency.get("jurisdictionStates"))).containsExactly("IL", "IN");
        assertThat(agency.get("nationwide").asBoolean()).isFalse();
        assertThat(texts(agency.get("contactEmails"))).containsExactly("robocalls@ag-test.example", "consumer@ag-test.example");
        assertThat(texts(agency.get("notices"))).containsExactly("non-cooperation-referral", "campaign-alert");
        assertThat(texts(agency.get("verifiedDomains"))).containsExactly("ag-test.example");
        assertThat(agency.get("active").asBoolean()).isTrue();
        assertThat(agency.get("createdAt").asText()).isNotBlank();
    }

    @Test
    void staffChangeAnAgencyWithPut() {
        String id = create(draft(AgencyFixtures.name("Regulator"))).json().get("id").asText();
        Map<String, Object> changed = new HashMap<>();
        changed.put("name", AgencyFixtures.name("Federal Trade Commission"));
        changed.put("type", "ftc");
        changed.put("contactEmails", List.of("alerts@ftc-test.example"));
        changed.put("notices", List.of("campaign-alert"));

        JsonApiClient.Answer updated = api.put("/api/v1/agencies/" + id, "admin", changed);

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("nationwide").asBoolean()).isTrue();
        Agency stored = agencies.get(UUID.fromString(id));
        assertThat(stored.name()).isEqualTo(changed.get("name"));
        assertThat(stored.type()).isEqualTo(Agency.Type.FTC);
        assertThat(stored.jurisdictionStates()).isEmpty();
        assertThat(stored.contactEmails()).containsExactly("alerts@ftc-test.example");
        assertThat(stored.notices()).containsExactly(Agency.Notice.CAMPAIGN_ALERT);
        assertThat(stored.verifiedDomains()).isEmpty();
        assertThat(stored.active()).isTrue();
        assertThat(stored.updatedAt()).isAfterOrEqualTo(stored.createdAt());
    }

    @Test
    void anInvalidAgencyIsA400ProblemListingEachFieldAndNothingIsSaved() {
        Map<String, Object> invalid = new HashMap<>();
        invalid.put("name", AgencyFixtures.name("Broken"));
        invalid.put("type", "fcc");
        invalid.put("jurisdictionStates", List.of("IL"));
        invalid.put("contactEmails", List.of("referrals@fcc.example", "not-an-email"));
        invalid.put("notices", List.of("subpoena"));
        invalid.put("verifiedDomains", List.of("localhost"));

        JsonApiClient.Answer answer = api.post("/api/v1/agencies", "staff", invalid);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.json().get("type").asText()).isEqualTo("https://hoptrace.org/problems/validation-failed");
        assertThat(answer.json().get("instance").asText()).isEqualTo("/api/v1/agencies");
        assertThat(answer.errorFields()).containsExactly("jurisdictionStates", "contactEmails", "notices", "verifiedDomains");
        assertThat(answer.body()).contains("a federal agency (fcc) is nationwide")
                .contains("'not-an-email' is not an email address").contains("'localhost' is not a domain name");
        assertThat(agencies.findByName(invalid.get("name").toString())).isEmpty();

        JsonApiClient.Answer empty = api.post("/api/v1/agencies", "staff", "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorFields()).containsExactly("name", "type", "contactEmails");
    }

    @Test
    void anInvalidChangeIsA400AndLeavesTheAgencyAsItWas() {
        String name = AgencyFixtures.name("Unchanged");
        String id = create(draft(name)).json().get("id").asText();
        Map<String, Object> broken = draft(name);
        broken.put("jurisdictionStates", List.of());
        broken.put("contactEmails", List.of("changed@ag-test.example"));

        JsonApiClient.Answer answer = api.put("/api/v1/agencies/" + id, "staff", broken);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorFields()).containsExactly("jurisdictionStates");
        assertThat(answer.body()).contains("a state-attorney-general needs at least one state");
        Agency stored = agencies.get(UUID.fromString(id));
        assertThat(stored.jurisdictionStates()).containsExactlyInAnyOrder("IL", "IN");
        assertThat(stored.contactEmails()).containsExactly("robocalls@ag-test.example", "consumer@ag-test.example");
    }

    @Test
    void malformedJsonIsA400Problem() {
        JsonApiClient.Answer answer = api.post("/api/v1/agencies", "staff", "{\"name\": \"Broken\", \"contactEmails\": ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void aNameThatIsTakenIsA409ProblemIgnoringCase() {
        String name = AgencyFixtures.name("Ohio Attorney General");
        String first = create(draft(name)).json().get("id").asText();
        String other = create(draft(AgencyFixtures.name("Other"))).json().get("id").asText();

        JsonApiClient.Answer duplicate = api.post("/api/v1/agencies", "staff", draft(name.toUpperCase()));
        JsonApiClient.Answer renamedToDuplicate = api.put("/api/v1/agencies/" + other, "staff", draft(" " + name));

        for (JsonApiClient.Answer answer : List.of(duplicate, renamedToDuplicate)) {
            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
            assertThat(answer.json().get("type").asText()).isEqualTo("https://hoptrace.org/problems/agency-name-taken");
            assertThat(answer.json().get("existingAgencyId").asText()).isEqualTo(first);
            assertThat(answer.errorFields()).containsExactly("name");
        }
        assertThat(agencies.get(UUID.fromString(other)).name()).startsWith("Other");
        assertThat(api.put("/api/v1/agencies/" + first, "staff", draft(name)).status())
                .as("an agency keeps its own name").isEqualTo(200);
    }

    @Test
    void anUnknownAgencyIsA404Problem() {
        String path = "/api/v1/agencies/" + UUID.randomUUID();

        List<JsonApiClient.Answer> answers = List.of(api.get(path, "staff"),
                api.put(path, "staff", draft(AgencyFixtures.name("Nobody"))),
                api.post(path + "/deactivate", "staff", ""), api.post(path + "/activate", "staff", ""));

        for (JsonApiClient.Answer answer : answers) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
            assertThat(answer.json().get("type").asText()).isEqualTo("https://hoptrace.org/problems/not-found");
        }
    }

    @Test
    void deactivatingKeepsTheAgencyAndActivatingBringsItBack() {
        String id = create(draft(AgencyFixtures.name("Switchable"))).json().get("id").asText();

        JsonApiClient.Answer deactivated = api.post("/api/v1/agencies/" + id + "/deactivate", "staff", "");
        JsonApiClient.Answer again = api.post("/api/v1/agencies/" + id + "/deactivate", "staff", "");

        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.json().get("active").asBoolean()).isFalse();
        assertThat(again.status()).as("deactivating twice changes nothing").isEqualTo(200);
        assertThat(again.json().get("updatedAt")).isEqualTo(deactivated.json().get("updatedAt"));
        assertThat(api.get("/api/v1/agencies/" + id, "reviewer").json().get("active").asBoolean()).isFalse();

        JsonApiClient.Answer activated = api.post("/api/v1/agencies/" + id + "/activate", "admin", "");

        assertThat(activated.status()).isEqualTo(200);
        assertThat(agencies.get(UUID.fromString(id)).active()).isTrue();
    }

    @Test
    void theListFiltersByNameTypeStateNoticeAndActiveAndPages() {
        String token = "Filtertoken" + UUID.randomUUID().toString().substring(0, 8);
        Agency illinois = fixtures.agency(token + " A Illinois", Agency.Type.STATE_ATTORNEY_GENERAL, java.util.Set.of("IL"),
                java.util.Set.of(Agency.Notice.CAMPAIGN_ALERT, Agency.Notice.NON_COOPERATION_REFERRAL));
        fixtures.agency(token + " B Texas", Agency.Type.STATE_REGULATOR, java.util.Set.of("TX"),
                java.util.Set.of(Agency.Notice.NON_COOPERATION_REFERRAL));
        fixtures.agency(token + " C Federal", Agency.Type.FCC, java.util.Set.of(), java.util.Set.of(Agency.Notice.CAMPAIGN_ALERT));
        Agency retired = fixtures.agency(token + " D Retired", Agency.Type.STATE_ATTORNEY_GENERAL, java.util.Set.of("IL"),
                java.util.Set.of(Agency.Notice.CAMPAIGN_ALERT));
        api.post("/api/v1/agencies/" + retired.id() + "/deactivate", "staff", "");
        String base = "/api/v1/agencies?query=" + token.toLowerCase();

        assertThat(names(base)).containsExactly(token + " A Illinois", token + " B Texas", token + " C Federal",
                token + " D Retired");
        assertThat(names(base + "&type=state-attorney-general")).containsExactly(token + " A Illinois", token + " D Retired");
        assertThat(names(base + "&state=il")).as("listing IL, or nationwide")
                .containsExactly(token + " A Illinois", token + " C Federal", token + " D Retired");
        assertThat(names(base + "&notice=non-cooperation-referral")).containsExactly(token + " A Illinois", token + " B Texas");
        assertThat(names(base + "&active=true")).containsExactly(token + " A Illinois", token + " B Texas", token + " C Federal");
        assertThat(names(base + "&active=false")).containsExactly(token + " D Retired");
        assertThat(names(base + "&state=IL&notice=campaign-alert&active=true"))
                .containsExactly(token + " A Illinois", token + " C Federal");

        JsonNode first = api.get(base + "&size=3", "reviewer").json();
        JsonNode second = api.get(base + "&size=3&page=1", "reviewer").json();
        assertThat(first.get("total").asLong()).isEqualTo(4);
        assertThat(first.get("totalPages").asInt()).isEqualTo(2);
        assertThat(first.get("items")).hasSize(3);
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("name").asText()).isEqualTo(token + " D Retired");
        assertThat(first.get("items").get(0).get("id").asText()).isEqualTo(illinois.id().toString());
    }

    @Test
    void badListParametersAreA400ProblemNamingEach() {
        JsonApiClient.Answer answer = api.get("/api/v1/agencies?type=sheriff&state=ZZ&notice=fax&page=-1&size=500", "staff");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.errorFields()).containsExactly("type", "state", "notice", "page", "size");
        assertThat(api.get("/api/v1/agencies?active=maybe", "staff").status()).isEqualTo(400);
    }

    @Test
    void legalRolesReadTheRegistryAndOnlyStaffAndAdministratorsChangeIt() {
        Map<String, Object> draft = draft(AgencyFixtures.name("Gatecrasher"));
        String id = create(draft(AgencyFixtures.name("Readable"))).json().get("id").asText();

        assertThat(api.get("/api/v1/agencies", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/agencies", null, draft).status()).isEqualTo(401);
        for (String reader : List.of("staff", "admin", "reviewer", "supervisor")) {
            assertThat(api.get("/api/v1/agencies", reader).status()).as(reader).isEqualTo(200);
            assertThat(api.get("/api/v1/agencies/" + id, reader).status()).as(reader).isEqualTo(200);
        }
        for (String legal : List.of("reviewer", "supervisor")) {
            assertThat(api.post("/api/v1/agencies", legal, draft).status()).as(legal).isEqualTo(403);
            assertThat(api.put("/api/v1/agencies/" + id, legal, draft).status()).as(legal).isEqualTo(403);
            assertThat(api.post("/api/v1/agencies/" + id + "/deactivate", legal, "").status()).as(legal).isEqualTo(403);
        }
        JsonApiClient.Answer provider = api.get("/api/v1/agencies", "carrier");
        assertThat(provider.status()).isEqualTo(403);
        assertThat(provider.contentType()).isEqualTo("application/problem+json");
        assertThat(agencies.findByName(draft.get("name").toString())).isEmpty();
        assertThat(agencies.get(UUID.fromString(id)).active()).isTrue();
    }

    @Test
    void theOpenApiDocumentDescribesTheAgencyOperations() throws Exception {
        JsonNode paths = json.readTree(api.get("/v3/api-docs", null).body()).path("paths");

        assertThat(fieldNames(paths.path("/api/v1/agencies"))).contains("get", "post");
        assertThat(fieldNames(paths.path("/api/v1/agencies/{id}"))).contains("get", "put");
        assertThat(paths.has("/api/v1/agencies/{id}/deactivate")).isTrue();
        assertThat(paths.has("/api/v1/agencies/{id}/activate")).isTrue();
        JsonNode post = paths.path("/api/v1/agencies").path("post");
        assertThat(post.path("summary").asText()).isEqualTo("Register an agency");
        assertThat(fieldNames(post.path("responses"))).contains("201", "400", "401", "403", "409");
        assertThat(post.path("responses").path("409").path("content").has("application/problem+json")).isTrue();
        List<String> parameters = new ArrayList<>();
        paths.path("/api/v1/agencies").path("get").path("parameters").forEach(p -> parameters.add(p.get("name").asText()));
        assertThat(parameters).contains("query", "type", "state", "notice", "active", "page", "size");
    }

    private JsonApiClient.Answer create(Map<String, Object> draft) {
        JsonApiClient.Answer answer = api.post("/api/v1/agencies", "staff", draft);
        if (answer.status() == 201) {
            fixtures.track(UUID.fromString(answer.json().get("id").asText()));
        }
        return answer;
    }

    private List<String> names(String path) {
        JsonApiClient.Answer answer = api.get(path, "staff");
        assertThat(answer.status()).as(path).isEqualTo(200);
        List<String> names = new ArrayList<>();
        answer.json().get("items").forEach(item -> names.add(item.get("name").asText()));
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
