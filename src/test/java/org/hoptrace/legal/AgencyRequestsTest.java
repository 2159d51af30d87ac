package org.hoptrace.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.hoptrace.HoptraceTest;
import org.hoptrace.document.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Submitting, following, answering, withdrawing and downloading legal requests through the agency API and portal. */
@HoptraceTest
class AgencyRequestsTest {

    static final String REQUEST = """
            {"type": "subpoena", "issuingAuthority": "Office of the Attorney General", "caseNumber": "2026-CID-0042",
             "returnDate": "2099-12-31", "description": "Robocalls impersonating a utility",
             "scope": {"numbers": ["(202) 555-0143", "+13125550178"], "providers": ["Acme Voice"],
                       "tracebacks": ["tb-2026-000123"], "from": "2026-10-01", "to": "2026-11-30"}}""";

    @LocalServerPort int port;
    @Autowired AgencyPortalFixtures fixtures;
    @Autowired LegalRequestRepository requests;
    @Autowired GreenMail smtp;
    @Autowired ObjectMapper json;

    @AfterEach
    void cleanUp() {
        fixtures.deactivateAll();
    }

    @Test
    void aSubmittedRequestGetsAReferenceStartsItsProcessAndEmailsTheAgency() throws Exception {
        AgencyPortalFixtures.PortalUser user = fixtures.user();
        AgencyClient api = new AgencyClient(port).withToken(fixtures.token(user));

        HttpResponse<String> created = api.postMultipart("/api/v1/agency/legal-requests", new AgencyClient.Form()
                .json("request", REQUEST).file("documents", "subpoena.pdf", TestFiles.pdf("SUBPOENA 2026-CID-0042")));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json.readTree(created.body());
        assertThat(body.get("reference").asText()).matches("LR-\\d{4}-\\d{6}");
        assertThat(body.get("status").asText()).isEqualTo("open");
        LegalRequest request = requests.find(UUID.fromString(body.get("id").asText())).orElseThrow();
        assertThat(request.scope().numbers()).containsExactly("+12025550143", "+13125550178");
        assertThat(request.scope().tracebacks()).containsExactly("TB-2026-000123");
        assertThat(request.submittedBy()).isEqualTo(user.id());
        assertThat(request.processInstanceKey()).as("process started").isNotNull();
        assertThat(requests.documents(request.id())).singleElement()
                .satisfies(d -> assertThat(d.document().filename()).isEqualTo("subpoena.pdf"));
        assertThat(fixtures.auditActions(request.id())).containsExactly("submitted");

        String contact = user.agency().contactEmails().get(0);
        var email = await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> GreenMailUtil.getHeaders(m).contains(request.reference())).findFirst().orElse(null),
                m -> m != null);
        assertThat(GreenMailUtil.getHeaders(email)).contains(user.email(), contact);
        assertThat(GreenMailUtil.getBody(email).replace("=\r\n", "")).contains("/agency/requests/" + request.id());
    }

    @Test
    void invalidFieldsAreNamedAndNothingIsStored() throws Exception {
        AgencyClient api = new AgencyClient(port).withToken(fixtures.token(fixtures.user()));
        long before = fixtures.count("legal_request");
        long documents = fixtures.count("document");

        HttpResponse<String> refused = api.postMultipart("/api/v1/agency/legal-requests", new AgencyClient.Form()
                .json("request", """
                        {"type": "letter", "returnDate": "2001-01-01",
                         "scope": {"numbers": ["12ab"], "tracebacks": ["TB-1"], "from": "2026-11-30", "to": "2026-10-01"}}""")
                .file("documents", "subpoena.pdf", TestFiles.pdf("SUBPOENA")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        List<String> fields = json.readTree(refused.body()).get("errors").findValuesAsText("field");
        assertThat(fields).containsExactlyInAnyOrder("type", "issuingAuthority", "returnDate", "scope.numbers[0]",
                "scope.tracebacks[0]", "scope.to");
        assertThat(fixtures.count("legal_request")).isEqualTo(before);
        assertThat(fixtures.count("document")).isEqualTo(documents);
    }

    @Test
    void aRefusedDocumentOrNoDocumentLeavesNothingStored() throws Exception {
        AgencyClient api = new AgencyClient(port).withToken(fixtures.token(fixtures.user()));
        long before = fixtures.count("legal_request");
        long documents = fixtures.count("document");

        HttpResponse<String> executable = api.postMultipart("/api/v1/agency/legal-requests", new AgencyClient.Form()
                .json("request", REQUEST).file("documents", "subpoena.pdf", TestFiles.pdf("SUBPOENA"))
                .file("documents", "order.pdf", TestFiles.executable()));
        HttpResponse<String> none = api.postMultipart("/api/v1/agency/legal-requests",
                new AgencyClient.Form().json("request", REQUEST));

        assertThat(executable.statusCode()).isEqualTo(400);
        assertThat(json.readTree(executable.body()).get("detail").asText()).contains("order.pdf");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(json.readTree(none.body()).get("errors").findValuesAsText("field")).containsExactly("documents");
        assertThat(fixtures.count("legal_request")).isEqualTo(before);
        assertThat(fixtures.count("document")).isEqualTo(documents);
    }

    @Test
    void thePortalFormSubmitsAndShowsTheRequestWithItsStatus() {
        AgencyPortalFixtures.PortalUser user = fixtures.user();
        AgencyClient browser = new AgencyClient(port);
        browser.logIn(user.email(), AgencyPortalFixtures.PASSWORD, fixtures.code(user));

        HttpResponse<String> invalid = browser.postMultipart("/agency/requests", new AgencyClient.Form()
                .field("type", "subpoena").field("issuingAuthority", "").field("numbers", "2025550143")
                .file("documents", "subpoena.pdf", TestFiles.pdf("SUBPOENA")));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("name the issuing authority");

        HttpResponse<String> submitted = browser.postMultipart("/agency/requests", new AgencyClient.Form()
                .field("type", "cid").field("issuingAuthority", "Attorney General").field("caseNumber", "CID-7")
                .field("numbers", "202-555-0143\n+1 312 555 0178").field("scopeFrom", "2026-10-01")
                .file("documents", "cid.pdf", TestFiles.pdf("CIVIL INVESTIGATIVE DEMAND")));
        assertThat(submitted.statusCode()).isEqualTo(302);
        String location = submitted.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> page = browser.get(location.substring(location.indexOf("/agency")));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Submitted: your reference is LR-", "+12025550143",
                "+13125550178", "cid.pdf", "Download the audit trail");
        assertThat(page.body()).as("the status in the agency's words, not the process step")
                .containsPattern("<dd class=\"status\">(Received|In legal review)</dd>");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assertThat(fixtures.auditActions(id)).containsExactly("submitted", "viewed");
        assertThat(browser.get("/agency").body()).contains(requests.find(id).orElseThrow().reference());
    }

    @Test
    void theAgencyAnswersAClarificationQuestion() throws Exception {
        AgencyPortalFixtures.PortalUser user = fixtures.user();
        AgencyClient api = new AgencyClient(port).withToken(fixtures.token(user));
        UUID id = submit(api);
        assertThat(api.postJson("/api/v1/agency/legal-requests/" + id + "/clarification", "{\"text\": \"early\"}")
                .statusCode()).as("no question yet").isEqualTo(409);

        fixtures.askClarification(id, "Which date range do you need?");
        assertThat(json.readTree(api.get("/api/v1/agency/legal-requests/" + id).body()).get("openQuestion").asText())
                .isEqualTo("Which date range do you need?");
        HttpResponse<String> answered = api.postMultipart("/api/v1/agency/legal-requests/" + id + "/clarification",
                new AgencyClient.Form().field("text", "October and November 2026")
                        .file("documents", "range.pdf", TestFiles.pdf("RANGE")));

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(json.readTree(answered.body()).get("openQuestion")).isNull();
        assertThat(requests.messages(id)).extracting(LegalRequestRepository.Message::kind)
                .contains("clarification-question", "clarification-answer");
        assertThat(requests.documents(id)).extracting(LegalRequestRepository.AttachedDocument::role)
                .containsExactly("request", "clarification");
        assertThat(fixtures.auditActions(id)).contains("clarification-answered");
    }

    @Test
    void theAgencyWithdrawsAnOpenRequestOnce() throws Exception {
        AgencyPortalFixtures.PortalUser user = fixtures.user();
        AgencyClient api = new AgencyClient(port).withToken(fixtures.token(user));
        UUID id = submit(api);

        assertThat(api.postJson("/api/v1/agency/legal-requests/" + id + "/withdrawal", "{\"reason\": \"\"}").statusCode())
                .isEqualTo(400);
        HttpResponse<String> withdrawn = api.postJson("/api/v1/agency/legal-requests/" + id + "/withdrawal",
                "{\"reason\": \"The case was settled\"}");
        HttpResponse<String> again = api.postJson("/api/v1/agency/legal-requests/" + id + "/withdrawal",
                "{\"reason\": \"twice\"}");

        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(json.readTree(withdrawn.body()).get("outcome").asText()).isEqualTo("withdrawn");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(fixtures.auditActions(id)).contains("withdrawn");
        await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .anyMatch(m -> GreenMailUtil.getHeaders(m).contains(requests.find(id).orElseThrow().reference() + ": withdrawn")));
    }

    @Test
    void theResponseCanBeDownloadedOnlyOnceReleasedAndEachDownloadIsAudited() throws Exception {
        AgencyPortalFixtures.PortalUser user = fixtures.user();
        AgencyClient api = new AgencyClient(port).withToken(fixtures.token(user));
        UUID id = submit(api);
        UUID response = fixtures.addResponse(id, "response.pdf");

        assertThat(api.get("/api/v1/agency/legal-requests/" + id + "/documents/" + response).statusCode())
                .as("not released yet").isEqualTo(404);
        fixtures.markReleased(id);
        HttpResponse<byte[]> download = api.getBytes("/api/v1/agency/legal-requests/" + id + "/documents/" + response);

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(new String(download.body(), 0, 5)).isEqualTo("%PDF-");
        assertThat(fixtures.auditActions(id)).contains("downloaded response.pdf");
        JsonNode audit = json.readTree(api.get("/api/v1/agency/legal-requests/" + id + "/audit").body());
        assertThat(audit.get("verification").get("intact").asBoolean()).isTrue();
        assertThat(audit.get("entries").findValuesAsText("action")).contains("submitted", "downloaded response.pdf",
                "audit-exported");
    }

    private UUID submit(AgencyClient api) throws Exception {
        HttpResponse<String> created = api.postMultipart("/api/v1/agency/legal-requests", new AgencyClient.Form()
                .json("request", REQUEST).file("documents", "subpoena.pdf", TestFiles.pdf("SUBPOENA")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return UUID.fromString(json.readTree(created.body()).get("id").asText());
    }
}
