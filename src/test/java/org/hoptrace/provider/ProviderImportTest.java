package org.hoptrace.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.HoptraceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** CSV import through the REST API: good rows are imported, bad ones reported by line with every reason. */
@HoptraceTest
class ProviderImportTest {

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

    @Test
    void goodRowsAreImportedAndEachBadRowIsReportedWithItsLineAndReasons() {
        String acme = ApiClient.name("Acme, Voice");
        String[] filer = {ApiClient.filerId(), ApiClient.filerId(), ApiClient.filerId(), ApiClient.filerId()};
        String csv = String.join("\r\n",
                "role,legal_name,filer_499_id,country,contact_emails,notes,rmd_number,webhook_url",
                "gateway,\"" + acme + "\"," + filer[0] + ",us,traceback@acme.example; noc@acme.example,,rmd0001234,",
                "carrier,Bad Country Inc," + filer[1] + ",ZZ,ops@bad.example,,,",
                "intermediate,Hooked Voice LLC," + filer[2] + ",GB,ops@hooked.example,\"two-line\r\nnote\",,https://hooks.hooked.example/tb",
                "intermediate,Copy Of Acme," + filer[0] + ",US,ops@copy.example,,,",
                "terminating,No Contact LLC," + filer[3] + ",US,,,,",
                "terminating,Short Row LLC",
                "");

        ApiClient.Answer answer = api.postCsv("/api/v1/providers/import", "staff", csv);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode report = answer.json();
        assertThat(report.get("accepted").asInt()).isEqualTo(2);
        assertThat(report.get("imported").findValuesAsText("line")).containsExactly("2", "4");
        assertThat(report.get("ignoredColumns")).extracting(JsonNode::asText).containsExactly("notes");
        assertThat(report.get("rejected").findValuesAsText("line")).containsExactly("3", "6", "7", "8");
        assertThat(reasons(report, 0)).containsExactly(
                "country: enter an ISO 3166 two-letter country code, e.g. US or GB",
                "role: choose one of originating, gateway, intermediate, terminating, unknown");
        assertThat(reasons(report, 1)).containsExactly("same filer_499_id " + filer[0] + " as line 2");
        assertThat(reasons(report, 2)).containsExactly(
                "contact_emails: a registered provider needs at least one traceback contact email");
        assertThat(reasons(report, 3)).containsExactly("has 2 fields, the header has 8");

        Provider imported = providers.findByFilerId(filer[0]).orElseThrow();
        assertThat(imported.legalName()).isEqualTo(acme);
        assertThat(imported.contactEmails()).containsExactly("traceback@acme.example", "noc@acme.example");
        assertThat(imported.rmdNumber()).isEqualTo("RMD0001234");
        assertThat(imported.role()).isEqualTo(Provider.Role.GATEWAY);
        Provider hooked = providers.findByFilerId(filer[2]).orElseThrow();
        assertThat(report.get("imported").get(1).get("generatedWebhookSecret").asText()).isEqualTo(hooked.webhookSecret());
        assertThat(providers.findByFilerId(filer[1])).as("nothing of a bad row").isEmpty();
        assertThat(providers.findByFilerId(filer[3])).isEmpty();
    }

    @Test
    void aRegisteredFilerIdIsRejectedUnlessTheModeIsUpsert() {
        String filerId = ApiClient.filerId();
        String name = ApiClient.name("Upsert Voice");
        api.postCsv("/api/v1/providers/import", "staff",
                "legal_name,filer_499_id,country,role,contact_emails\n" + name + "," + filerId + ",US,intermediate,a@upsert.example\n");
        String again = "legal_name,filer_499_id,country,role,contact_emails,contact_phone\n"
                + name + "," + filerId + ",US,gateway,b@upsert.example,+1 202 555 0123\n";

        JsonNode refused = api.postCsv("/api/v1/providers/import", "staff", again).json();
        JsonNode upserted = api.postCsv("/api/v1/providers/import?mode=upsert", "staff", again).json();

        assertThat(refused.get("accepted").asInt()).isZero();
        assertThat(reasons(refused, 0)).containsExactly("filer_499_id " + filerId + " is already registered (provider "
                + name + "); import with mode upsert to update it");
        assertThat(upserted.get("accepted").asInt()).isEqualTo(1);
        assertThat(upserted.get("imported").get(0).get("action").asText()).isEqualTo("updated");
        Provider provider = providers.findByFilerId(filerId).orElseThrow();
        assertThat(provider.role()).isEqualTo(Provider.Role.GATEWAY);
        assertThat(provider.contactEmails()).containsExactly("b@upsert.example");
        assertThat(provider.contactPhone()).isEqualTo("+1 202 555 0123");
    }

    @Test
    void anUploadedFileIsImportedLikeABody() {
        String filerId = ApiClient.filerId();
        byte[] file = ("\uFEFFlegal_name,country,role,contact_emails,filer_499_id\n"
                + ApiClient.name("Uploaded Voice") + ",CA,terminating,noc@uploaded.example," + filerId + "\n")
                .getBytes(StandardCharsets.UTF_8);

        ApiClient.Answer answer = api.postFile("/api/v1/providers/import", "staff", "providers.csv", file);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(providers.findByFilerId(filerId)).hasValueSatisfying(p -> assertThat(p.country()).isEqualTo("CA"));
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsA400ProblemAndImportsNothing() {
        String filerId = ApiClient.filerId();

        ApiClient.Answer answer = api.postCsv("/api/v1/providers/import", "staff",
                "legal_name,filer_499_id,country\nMissing Role LLC," + filerId + ",US\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.json().get("type").asText()).isEqualTo("https://hoptrace.org/problems/invalid-import-file");
        assertThat(answer.json().get("errors").findValuesAsText("message"))
                .containsExactly("the header has no column role", "the header has no column contact_emails");
        assertThat(providers.findByFilerId(filerId)).isEmpty();
    }

    @Test
    void aFileThatIsNotUtf8IsA400Problem() {
        byte[] latin1 = "legal_name,country,role,contact_emails\nTélécom Québec,CA,gateway,noc@tq.example\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        ApiClient.Answer answer = api.postFile("/api/v1/providers/import", "staff", "latin1.csv", latin1);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").asText()).contains("not UTF-8");
    }

    @Test
    void anUnknownModeIsA400Problem() {
        ApiClient.Answer answer = api.postCsv("/api/v1/providers/import?mode=replace", "staff",
                "legal_name,country,role,contact_emails\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsText("field")).containsExactly("mode");
    }

    private static List<String> reasons(JsonNode report, int rejected) {
        List<String> reasons = new ArrayList<>();
        report.get("rejected").get(rejected).get("reasons").forEach(reason -> reasons.add(reason.asText()));
        return reasons;
    }
}
