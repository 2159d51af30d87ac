package org.hoptrace.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.HoptraceTest;
import org.hoptrace.legal.AuditEntry.ActorKind;
import org.hoptrace.web.ConsoleClient;
import org.hoptrace.web.JsonApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The hash-chained audit trail of a legal request: verification, tampering, the trigger, exports and who may read them. */
@HoptraceTest
class LegalAuditTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    LegalAuditTrail trail;
    @Autowired
    IntakeFixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path files;

    JsonApiClient api;
    UUID request;

    @BeforeEach
    void requestWithATrail() {
        api = new JsonApiClient(port, json);
        request = fixtures.request();
        trail.record(request, "investigator@agency.example", ActorKind.AGENCY, "submitted", "subpoena.pdf, cover.docx");
        trail.record(request, "reviewer", ActorKind.STAFF, "viewed", "");
        trail.record(request, "reviewer", ActorKind.STAFF, "approved", "scope narrowed to \"+12025550143\", 2026-01-01,\n2026-02-28");
        trail.record(request, "Hoptrace", ActorKind.SYSTEM, "package-assembled", "response.csv, cover-letter.pdf");
    }

    @AfterEach
    void cleanUp() {
        fixtures.cleanUp();
    }

    @Test
    void anUntouchedTrailVerifies() {
        AuditVerification verification = get("/audit/verification", "reviewer", AuditVerification.class);

        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(4);
        assertThat(verification.lastHash()).isEqualTo(trail.entries(request).get(3).hash());
        assertThat(verification.message()).startsWith("All 4 entries are intact");
    }

    @Test
    void aChangedEntryIsDetectedAndNamed() {
        tamper("update legal_audit_entry set detail = 'scope: everything' where legal_request_id = ? and seq = 3");

        AuditVerification verification = get("/audit/verification", "supervisor", AuditVerification.class);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(3);
        assertThat(verification.problem()).isEqualTo("its content does not match its hash");
        assertThat(verification.message()).startsWith("Entry 3 (approved by reviewer at ");
    }

    @Test
    void aRemovedEntryIsDetected() {
        tamper("delete from legal_audit_entry where legal_request_id = ? and seq = 2");

        AuditVerification verification = get("/audit/verification", "reviewer", AuditVerification.class);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(3);
        assertThat(verification.problem()).isEqualTo("entry 2 is missing");
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnEntry() {
        assertThatThrownBy(() -> jdbc.update("update legal_audit_entry set detail = 'x' where legal_request_id = ?", request))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only: UPDATE refused");
        assertThatThrownBy(() -> jdbc.update("delete from legal_audit_entry where legal_request_id = ?", request))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only: DELETE refused");
        assertThat(trail.verify(request).intact()).isTrue();
    }

    @Test
    void theJsonExportHasEveryEntryWithItsHashesAndRecordsItself() {
        JsonApiClient.Answer answer = api.get(path("/audit"), "reviewer");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode export = answer.json();
        assertThat(export.get("legalRequestId").asText()).isEqualTo(request.toString());
        assertThat(export.get("reference").asText()).startsWith("LR-T-");
        assertThat(export.get("exportedBy").asText()).isEqualTo("reviewer");
        assertThat(export.at("/verification/intact").asBoolean()).isTrue();
        List<AuditEntry> stored = trail.entries(request);
        assertThat(stored).hasSize(5);
        assertThat(export.get("entries")).hasSize(5);
        for (int i = 0; i < stored.size(); i++) {
            JsonNode entry = export.get("entries").get(i);
            assertThat(entry.get("seq").asInt()).isEqualTo(stored.get(i).seq());
            assertThat(entry.get("action").asText()).isEqualTo(stored.get(i).action());
            assertThat(entry.get("detail").asText()).isEqualTo(stored.get(i).detail());
            assertThat(entry.get("previousHash").asText()).isEqualTo(stored.get(i).previousHash());
            assertThat(entry.get("hash").asText()).isEqualTo(stored.get(i).hash());
        }
        assertThat(stored.get(4).action()).isEqualTo("audit-exported");
        assertThat(stored.get(4).actor()).isEqualTo("reviewer");
        assertThat(AuditExport.verify("export.json", answer.body().getBytes(StandardCharsets.UTF_8)).intact()).isTrue();
    }

    @Test
    void theCsvExportHasEveryEntryWithItsHashesAndVerifiesOnItsOwn() {
        HttpResponse<String> response = raw(HttpRequest.newBuilder(URI.create(url(path("/audit.csv"))))
                .header("Authorization", ConsoleClient.basic("supervisor", "hoptrace")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).contains("attachment", "-audit.csv"));
        List<List<String>> rows = AuditCsv.parse(response.body());
        assertThat(String.join(",", rows.get(0))).isEqualTo(AuditExport.CSV_HEADER);
        List<AuditEntry> stored = trail.entries(request);
        assertThat(rows).hasSize(stored.size() + 1);
        for (AuditEntry entry : stored) {
            assertThat(rows.get(entry.seq())).containsExactly(request.toString(), rows.get(1).get(1),
                    Integer.toString(entry.seq()), entry.happenedAt().toString(), entry.actor(), entry.actorKind().code(),
                    entry.action(), entry.detail(), entry.previousHash(), entry.hash());
        }
        assertThat(AuditExport.verify("export.csv", response.body().getBytes(StandardCharsets.UTF_8)).intact()).isTrue();
    }

    @Test
    void aTamperedExportFileIsDetectedNamingTheEntry() {
        String csv = raw(HttpRequest.newBuilder(URI.create(url(path("/audit.csv"))))
                .header("Authorization", ConsoleClient.basic("reviewer", "hoptrace")).GET()).body();
        String tampered = csv.replace("response.csv, cover-letter.pdf", "response.csv");

        AuditVerification verification = AuditExport.verify("export.csv", tampered.getBytes(StandardCharsets.UTF_8));

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(4);
        assertThat(verification.message()).startsWith("Entry 4 (package-assembled by Hoptrace at ");
        JsonNode uploaded = upload("export.csv", tampered.getBytes(StandardCharsets.UTF_8), "staff");
        assertThat(uploaded.get("intact").asBoolean()).isFalse();
        assertThat(uploaded.get("firstBrokenSeq").asInt()).isEqualTo(4);
    }

    @Test
    void aFileThatIsNoExportIsRefusedWithAReason() {
        JsonNode problem = upload("notes.csv", "name,value\nfoo,bar\n".getBytes(StandardCharsets.UTF_8), "admin");

        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("type").asText()).endsWith("/invalid-audit-export");
        assertThat(problem.get("detail").asText()).startsWith("notes.csv is not an audit trail export: the first line must be");
    }

    @Test
    void theCommandLineChecksAnExportWithoutTheDatabase() throws Exception {
        String json = api.get(path("/audit"), "admin").body();
        Path good = Files.writeString(files.resolve("good.json"), json);
        Path bad = Files.writeString(files.resolve("bad.json"), json.replace("\"viewed\"", "\"deleted\""));
        Path junk = Files.writeString(files.resolve("junk.json"), "{\"hello\": 1}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

        assertThat(AuditExportCommand.run(good, print)).isZero();
        assertThat(AuditExportCommand.run(bad, print)).isEqualTo(1);
        assertThat(AuditExportCommand.run(junk, print)).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("All 5 entries are intact",
                "Entry 2 (deleted by reviewer at", "junk.json is not an audit trail export");
    }

    @Test
    void onlyLegalStaffReadTheTrail() {
        assertThat(api.get(path("/audit"), "staff").status()).isEqualTo(200);
        assertThat(api.get(path("/audit/verification"), "admin").status()).isEqualTo(200);
        assertThat(api.get(path("/audit"), "carrier").status()).isEqualTo(403);
        assertThat(api.get(path("/audit.csv"), "carrier").status()).isEqualTo(403);
        assertThat(api.get(path("/audit/verification"), null).status()).isEqualTo(401);
        JsonApiClient.Answer unknown = api.get("/api/v1/legal-requests/" + UUID.randomUUID() + "/audit", "reviewer");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(trail.entries(request)).extracting(AuditEntry::actor).containsExactly("investigator@agency.example",
                "reviewer", "reviewer", "Hoptrace", "staff");
    }

    private void tamper(String sql) {
        jdbc.execute("alter table legal_audit_entry disable trigger legal_audit_entry_append_only");
        try {
            jdbc.update(sql, request);
        } finally {
            jdbc.execute("alter table legal_audit_entry enable trigger legal_audit_entry_append_only");
        }
    }

    private <T> T get(String suffix, String user, Class<T> type) {
        JsonApiClient.Answer answer = api.get(path(suffix), user);
        assertThat(answer.status()).isEqualTo(200);
        return json.convertValue(answer.json(), type);
    }

    private JsonNode upload(String filename, byte[] content, String user) {
        String boundary = "audit-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = raw(HttpRequest.newBuilder(URI.create(url("/api/v1/legal-requests/audit/verification")))
                .header("Authorization", ConsoleClient.basic(user, "hoptrace"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        try {
            return json.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(response.statusCode() + " " + response.body(), e);
        }
    }

    private HttpResponse<String> raw(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String path(String suffix) {
        return "/api/v1/legal-requests/" + request + suffix;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
