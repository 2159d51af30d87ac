package org.hoptrace.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.HoptraceTest;
import org.hoptrace.agency.AgencyFixtures;
import org.hoptrace.web.ConsoleClient;
import org.hoptrace.web.JsonApiClient;
import org.hoptrace.workflow.UserTask;
import org.hoptrace.workflow.WorkflowEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The staff console's legal request pages and the staff API. */
@HoptraceTest
class LegalConsoleTest {

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ReviewFixtures fixtures;
    @Autowired AgencyFixtures agencies;
    @Autowired LegalAuditTrail audit;
    @Autowired WorkflowEngine engine;

    @AfterEach
    void tidyUp() {
        engine.clock().reset();
        agencies.deactivateAll();
    }

    @Test
    void theListShowsOpenRequestsWithTheirReviewCountdown() {
        ReviewCase request = fixtures.submit(ReviewFixtures.Ask.subpoena());
        fixtures.task(request, ReviewCompletionCheck.REVIEW_TASK);
        ConsoleClient console = new ConsoleClient(port);
        console.logIn("reviewer", "hoptrace");

        HttpResponse<String> list = console.get("/legal-requests?status=open&q=" + request.reference());

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("<h1>Legal requests</h1>").contains(request.reference())
                .contains("class=\"countdown\"").contains("4 d 23 h").contains("standard");
        assertThat(console.get("/legal-requests?status=pending").body()).contains("status is open or closed, not &#39;pending&#39;");
    }

    @Test
    void theRequestPageShowsDocumentsDecisionsMessagesAuditAndTheTaskLinkAndIsAudited() {
        ReviewCase request = fixtures.submit(ReviewFixtures.Ask.subpoena());
        fixtures.complete(fixtures.task(request, ReviewCompletionCheck.REVIEW_TASK), "reviewer", Map.of("decision", "clarify",
                "reviewReason", "unclear dates", "clarificationQuestion", "Which dates do you need?"));
        fixtures.waitingForAnswer(request);
        ReviewCase other = fixtures.submit(ReviewFixtures.Ask.subpoena());
        UserTask task = fixtures.task(other, ReviewCompletionCheck.REVIEW_TASK);
        ConsoleClient console = new ConsoleClient(port);
        console.logIn("supervisor", "hoptrace");

        String page = console.get("/legal-requests/" + request.id()).body();
        String otherPage = console.get("/legal-requests/" + other.id()).body();

        assertThat(page).contains(request.reference()).contains("subpoena.pdf").contains("SHA-256")
                .contains("review:clarify").contains("unclear dates").contains("Which dates do you need?")
                .contains("Hash chain intact").contains("EB-TCD-26-0001");
        assertThat(otherPage).contains("Review legal request").contains(task.tasklistUrl());
        assertThat(audit.entries(request.id())).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("viewed");
            assertThat(e.actor()).isEqualTo("supervisor");
        });
        String documentId = page.replaceAll("(?s).*/legal-requests/" + request.id() + "/documents/([0-9a-f-]{36}).*", "$1");
        HttpResponse<String> pdf = console.get("/legal-requests/" + request.id() + "/documents/" + documentId);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
        assertThat(audit.entries(request.id())).last().satisfies(e -> assertThat(e.action() + " " + e.detail())
                .isEqualTo("downloaded subpoena.pdf"));
        assertThat(console.get("/legal-requests/" + other.id() + "/documents/" + documentId).statusCode()).isEqualTo(404);
        assertThat(console.get("/legal-requests/00000000-0000-0000-0000-000000000000").statusCode()).isEqualTo(404);
    }

    @Test
    void theStaffApiListsAndShowsRequestsAndAnswersProblems() {
        ReviewCase request = fixtures.submit(ReviewFixtures.Ask.subpoena());
        fixtures.task(request, ReviewCompletionCheck.REVIEW_TASK);
        JsonApiClient api = new JsonApiClient(port, json);

        JsonApiClient.Answer list = api.get("/api/v1/legal-requests?q=" + request.reference(), "staff");
        JsonApiClient.Answer one = api.get("/api/v1/legal-requests/" + request.id(), "reviewer");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).get("reference").asText()).isEqualTo(request.reference());
        assertThat(list.json().get(0).get("triage").asText()).isEqualTo("standard");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().at("/summary/step").asText()).isEqualTo("review");
        assertThat(one.json().at("/documents/0/filename").asText()).isEqualTo("subpoena.pdf");
        assertThat(one.json().at("/openTasks/0/tasklistUrl").asText()).contains("/operaton/app/tasklist/");
        assertThat(one.json().get("auditTrailIntact").asBoolean()).isTrue();

        JsonApiClient.Answer bad = api.get("/api/v1/legal-requests?triage=urgent", "staff");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("detail").asText()).contains("triage is expedited, standard or deficient");
        assertThat(api.get("/api/v1/legal-requests/" + java.util.UUID.randomUUID(), "staff").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/legal-requests", "carrier").status()).isEqualTo(403);
    }
}
