package org.hoptrace.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.HoptraceTest;
import org.hoptrace.provider.Provider;
import org.hoptrace.provider.ProviderRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Who may post calls and manage sources: a source only as itself, staff only for a named source. */
@HoptraceTest
@RecordApplicationEvents
class SourceAccessTest {

    static final String CALL = "{\"sourceCallId\": \"s-1\", \"callingNumber\": \"+12025550143\", \"callTime\": \"2026-03-01T14:05:00Z\"}";

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    SourceService sources;

    @Autowired
    CallIngestion ingestion;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProviderRepository providers;

    CallsClient api;

    @BeforeEach
    void client() {
        api = new CallsClient(port, json);
    }

    @Test
    void aSourceKeyPostsOnlyAsItsOwnSourceAndReachesNothingElse() {
        SourceKey mine = register("Lakeshore Mobile").key();
        SourceKey theirs = register("Blocker App").key();
        SourceKey wrongKeyForMyPrefix = new SourceKey(mine.sourceId(), mine.prefix(), theirs.key());
        SourceKey theirPrefixMyKey = new SourceKey(theirs.sourceId(), theirs.prefix(), mine.key());

        CallsClient.Answer posted = api.postAs(mine, "/api/v1/calls", CallIngestApiTest.NDJSON,
                CALL.replace("}", ", \"sourceId\": \"" + theirs.sourceId() + "\"}"));

        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.json().get("sourceId").asText()).isEqualTo(mine.sourceId().toString());
        assertThat(jdbc.queryForObject("select count(*) from call_record where source_id = ?", Long.class, mine.sourceId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from call_record where source_id = ?", Long.class, theirs.sourceId())).isZero();
        assertThat(api.postAs(wrongKeyForMyPrefix, "/api/v1/calls", CallIngestApiTest.NDJSON, CALL).status()).isEqualTo(401);
        assertThat(api.postAs(theirPrefixMyKey, "/api/v1/calls", CallIngestApiTest.NDJSON, CALL).status()).isEqualTo(401);
        assertThat(api.getAs(mine, "/api/v1/sources").status()).isEqualTo(403);
        assertThat(api.getAs(mine, "/api/v1/tracebacks").status()).isEqualTo(403);
        assertThat(api.getAs(mine, "/api/v1/hops").status()).isEqualTo(403);
        assertThat(api.getAs(mine, "/api/v1/me").json().get("roles").get(0).asText()).isEqualTo("ROLE_CALL_SOURCE");
    }

    @Test
    void aNewKeyReplacesTheOldOne() {
        SourceService.Registered registered = register("Rotating Carrier");

        SourceKey fresh = sources.issueKey(registered.source().id());

        assertThat(api.postAs(registered.key(), "/api/v1/calls", CallIngestApiTest.NDJSON, CALL).status()).isEqualTo(401);
        assertThat(api.postAs(fresh, "/api/v1/calls", CallIngestApiTest.NDJSON, CALL).status()).isEqualTo(200);
    }

    @Test
    void staffCannotPostAsASourceButLoadFilesForANamedSource() {
        SourceService.Registered source = register("Complaint Feed");

        CallsClient.Answer asStaff = api.postAsUser("staff", "/api/v1/calls", CallIngestApiTest.NDJSON, CALL);
        CallsClient.Answer forSource = api.postAsUser("staff", "/api/v1/sources/" + source.source().id() + "/calls",
                CallIngestApiTest.NDJSON, CALL);
        CallsClient.Answer asReviewer = api.postAsUser("reviewer", "/api/v1/sources/" + source.source().id() + "/calls",
                CallIngestApiTest.NDJSON, CALL);

        assertThat(asStaff.status()).isEqualTo(403);
        assertThat(asStaff.contentType()).startsWith("application/problem+json");
        assertThat(forSource.status()).isEqualTo(200);
        assertThat(forSource.json().get("accepted").asLong()).isEqualTo(1);
        assertThat(asReviewer.status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select received_by || '/' || channel from call_batch where source_id = ?", String.class,
                source.source().id())).isEqualTo("staff/api");
    }

    @Test
    void staffRegisterSourcesAndSeeTheKeyOnlyOnce() {
        String name = CallsClient.name("Great Plains Wireless");

        CallsClient.Answer created = api.post("/api/v1/sources", "staff",
                Map.of("name", " " + name + " ", "kind", "Carrier", "contactEmail", "noc@plains.example"));
        JsonNode source = created.json();
        CallsClient.Answer read = api.get("/api/v1/sources/" + source.get("id").asText(), "staff");
        CallsClient.Answer sameName = api.post("/api/v1/sources", "staff", Map.of("name", name.toUpperCase(), "kind", "other"));
        CallsClient.Answer invalid = api.post("/api/v1/sources", "staff", Map.of("name", "", "kind", "radio", "contactEmail", "x"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(source.get("name").asText()).isEqualTo(name);
        assertThat(source.get("kind").asText()).isEqualTo("carrier");
        assertThat(source.get("apiKey").asText()).startsWith(source.get("apiKeyPrefix").asText() + ".");
        assertThat(read.json().has("apiKey")).isFalse();
        assertThat(read.json().get("apiKeyPrefix").asText()).matches("hcs_[0-9a-f]{12}");
        assertThat(jdbc.queryForObject("select api_key_hash from call_source where source_id = ?::uuid", String.class,
                source.get("id").asText())).startsWith("$2a$").doesNotContain(source.get("apiKey").asText());
        assertThat(sameName.status()).isEqualTo(409);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorFields()).containsExactly("name", "kind", "contactEmail");
        assertThat(api.get("/api/v1/sources", "reviewer").status()).isEqualTo(403);
    }

    @Test
    void theTerminatingProviderIsARegistryProviderSetAtRegistrationOrLater() {
        Provider carrier = provider("Plains Terminating");
        Provider other = provider("Other Terminating");
        Map<String, Object> draft = new HashMap<>(Map.of("name", CallsClient.name("Plains Carrier"), "kind", "carrier",
                "terminatingProviderId", carrier.id().toString()));

        CallsClient.Answer created = api.post("/api/v1/sources", "staff", draft);
        String id = created.json().get("id").asText();
        String ghost = CallsClient.name("Ghost Carrier");
        CallsClient.Answer unknown = api.post("/api/v1/sources", "staff", Map.of("name", ghost,
                "kind", "carrier", "terminatingProviderId", UUID.randomUUID().toString()));
        CallsClient.Answer changed = api.put("/api/v1/sources/" + id + "/terminating-provider", "staff",
                Map.of("terminatingProviderId", other.id().toString()));
        CallsClient.Answer changedToUnknown = api.put("/api/v1/sources/" + id + "/terminating-provider", "staff",
                Map.of("terminatingProviderId", UUID.randomUUID().toString()));
        UUID afterUnknown = stored(id);
        Map<String, Object> none = new HashMap<>();
        none.put("terminatingProviderId", null);
        CallsClient.Answer removed = api.put("/api/v1/sources/" + id + "/terminating-provider", "staff", none);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("terminatingProviderId").asText()).isEqualTo(carrier.id().toString());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("terminatingProviderId");
        assertThat(jdbc.queryForObject("select count(*) from call_source where name = ?", Long.class, ghost)).isZero();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("terminatingProviderId").asText()).isEqualTo(other.id().toString());
        assertThat(changedToUnknown.status()).isEqualTo(400);
        assertThat(afterUnknown).isEqualTo(other.id());
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().hasNonNull("terminatingProviderId")).isFalse();
        assertThat(stored(id)).isNull();
        assertThat(api.put("/api/v1/sources/" + id + "/terminating-provider", "reviewer",
                Map.of("terminatingProviderId", carrier.id().toString())).status()).isEqualTo(403);
    }

    private UUID stored(String sourceId) {
        return jdbc.queryForObject("select terminating_provider_id from call_source where source_id = ?::uuid", UUID.class,
                sourceId);
    }

    private Provider provider(String name) {
        return providers.insert(new Provider(null, CallsClient.name(name), null, null, "US", Provider.Role.TERMINATING,
                List.of("noc@terminating.example"), null, null, null, null, true, null, null));
    }

    @Test
    void callsIngestedIsPublishedWhenCallsWereAddedAndNotForAResentBatch(ApplicationEvents events) throws Exception {
        SourceService.Registered source = register("Event Carrier");
        String batch = CALL + "\n" + CALL.replace("s-1", "s-2") + "\n";

        ingest(source, batch);
        ingest(source, batch);

        assertThat(events.stream(CallsIngested.class)).containsExactly(new CallsIngested(source.source().id(), 2));
    }

    private void ingest(SourceService.Registered source, String body) throws Exception {
        ingestion.ingest(source.source().id(), CallIngestion.Channel.API, source.source().name(), CallFormat.NDJSON, null,
                java.nio.charset.StandardCharsets.UTF_8, new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private SourceService.Registered register(String name) {
        return sources.register(new SourceDraft(CallsClient.name(name), "carrier", null));
    }
}
