package org.hoptrace.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hoptrace.HoptraceTest;
import org.hoptrace.agency.AgencyFixtures;
import org.hoptrace.document.DocumentStore;
import org.hoptrace.provider.Provider;
import org.hoptrace.traceback.Traceback;
import org.hoptrace.traceback.TracebackFixtures;
import org.hoptrace.workflow.UserTask;
import org.hoptrace.workflow.WorkflowEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** bpmn/legal-request.bpmn with its decision, forms, workers and completion checks, on the engine clock. */
@HoptraceTest
class LegalRequestProcessTest {

    @Autowired ReviewFixtures fixtures;
    @Autowired AgencyFixtures agencies;
    @Autowired TracebackFixtures tracebacks;
    @Autowired LegalRequestProcess process;
    @Autowired ReviewCases cases;
    @Autowired LegalAuditTrail audit;
    @Autowired DocumentStore documents;
    @Autowired WorkflowEngine engine;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void tidyUp() {
        engine.clock().reset();
        agencies.deactivateAll();
    }

    @Test
    void anApprovedRequestIsPackagedSignedOffByASecondPersonAndReleased() throws Exception {
        Provider terminating = tracebacks.provider("US");
        String campaign = AgencyFixtures.name("Auto warranty");
        Traceback inScope = tracebacks.overdue(terminating, campaign);
        Traceback outOfScope = tracebacks.overdue(terminating, campaign + " other");
        ReviewCase request = fixtures.submit(ReviewFixtures.Ask.subpoena().scope(List.of(), List.of(campaign), List.of()));

        UserTask review = fixtures.task(request, ReviewCompletionCheck.REVIEW_TASK);
        assertThat(review.name()).isEqualTo("Review legal request");
        assertThat(review.candidateGroups()).containsExactly("legal-reviewer");
        assertThat(review.formId()).isEqualTo("legal-review");
        assertThat(review.tasklistUrl()).contains("/operaton/app/tasklist/default/#/?task=" + review.taskKey());
        ReviewCase triaged = fixtures.current(request);
        assertThat(triaged.step()).isEqualTo("review");
        assertThat(triaged.triage()).isEqualTo("standard");
        assertThat(Duration.between(engine.clock().now(), triaged.reviewDueAt()))
                .isBetween(Duration.ofDays(5).minusMinutes(1), Duration.ofDays(5));
        assertThat(review.due()).isEqualTo(triaged.reviewDueAt());

        fixtures.complete(review, "reviewer", Map.of("decision", "approve", "reviewReason", "FCC subpoena, scope fine"));

        UserTask signOff = fixtures.task(request, ReviewCompletionCheck.SIGN_OFF_TASK);
        assertThat(signOff.name()).isEqualTo("Sign off response");
        assertThat(signOff.candidateGroups()).containsExactly("legal-supervisor");
        assertThat(signOff.formId()).isEqualTo("response-signoff");
        ReviewCase packaged = fixtures.current(request);
        assertThat(packaged.step()).isEqualTo("sign-off");
        assertThat(packaged.reviewedBy()).isEqualTo("reviewer");
        assertThat(packaged.approvedScope()).isEqualTo(packaged.requestedScope());
        List<ReviewCases.DocumentRow> response = cases.documents(request.id()).stream()
                .filter(d -> d.role().equals("response")).toList();
        assertThat(response).extracting(ReviewCases.DocumentRow::mediaType).containsExactlyInAnyOrder("application/pdf", "text/csv");
        String csv = new String(documents.content(response.stream().filter(d -> d.mediaType().equals("text/csv"))
                .findFirst().orElseThrow().documentId()), StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(ResponsePackage.CSV_HEADER);
        assertThat(csv).contains(inScope.reference()).contains(terminating.legalName()).doesNotContain(outOfScope.reference());
        try (PDDocument letter = Loader.loadPDF(documents.content(response.stream()
                .filter(d -> d.mediaType().equals("application/pdf")).findFirst().orElseThrow().documentId()))) {
            String text = new PDFTextStripper().getText(letter);
            assertThat(text).contains(request.reference()).contains("EB-TCD-26-0001").contains("1 traceback, 1 hop")
                    .contains("Reviewed by: reviewer");
        }

        fixtures.complete(signOff, "supervisor", Map.of("signOff", "release", "signOffNote", "checked the CSV"));

        ReviewCase released = fixtures.closed(request);
        assertThat(released.outcome()).isEqualTo("released");
        assertThat(released.releasedAt()).isNotNull();
        assertThat(released.signedOffBy()).isEqualTo("supervisor");
        fixtures.processEnded(request);
        assertThat(fixtures.actions(request)).containsSubsequence("submitted", "triaged", "review:approve",
                "package-assembled", "signed-off", "released", "closed");
        assertThat(audit.verify(request.id()).intact()).isTrue();
        assertThat(ReviewFixtures.body(fixtures.email(request, "released"))).contains("has been released");
    }

    @Test
    void aNarrowedScopeLimitsThePackageAndMayNotReachBeyondTheRequest() throws Exception {
        Provider terminating = tracebacks.provider("US");
        Traceback kept = tracebacks.overdue(terminating, "Student loans");
        Traceback dropped = tracebacks.overdue(terminating, "Student loans");
        ReviewCase request = fixtures.submit(ReviewFixtures.Ask.subpoena()
                .scope(List.of(), List.of(), List.of(kept.reference(), dropped.reference())));
        UserTask review = fixtures.task(request, ReviewCompletionCheck.REVIEW_TASK);

        assertThatThrownBy(() -> fixtures.complete(review, "reviewer", Map.of("decision", "narrow", "reviewReason", "too broad",
                "narrowedTracebacks", kept.reference() + "\nTB-1999-000001")))
                .hasMessageContaining("a narrowed scope may only keep what the agency asked for")
                .hasMessageContaining("TB-1999-000001");
        assertThat(fixtures.openTasks(request)).extracting(UserTask::taskKey).containsExactly(review.taskKey());
        assertThat(fixtures.current(request).reviewedBy()).isNull();

        fixtures.complete(review, "reviewer", Map.of("decision", "narrow", "reviewReason", "only the first call",
                "narrowedTracebacks", kept.reference(), "narrowedNumbers", "", "narrowedFrom", "", "narrowedTo", ""));

        fixtures.task(request, ReviewCompletionCheck.SIGN_OFF_TASK);
        ReviewCase narrowed = fixtures.current(request);
        assertThat(narrowed.approvedScope().tracebacks()).containsExactly(kept.reference());
        String csv = new String(documents.content(cases.documents(request.id()).stream()
                .filter(d -> d.role().equals("response") && d.mediaType().equals("text/csv")).findFirst().orElseThrow()
                .documentId()), StandardCharsets.UTF_8);
        assertThat(csv).contains(kept.reference()).doesNotContain(dropped.reference());
        assertThat(audit.entries(request.id())).filteredOn(e -> e.action().equals("review:narrow")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("only the first call").contains("Tracebacks: " + kept.reference()));
    }

    @Test
    void theReviewerCannotSignOffTheResponseAnotherSupervisorCan() {
        ReviewCase request = fixtures.submit(ReviewFixtures.Ask.subpoena());
        fixtures.complete(fixtures.task(request, ReviewCompletionCheck.REVIEW_TASK), "supervisor",
                Map.of("decision", "approve", "reviewReason", "took it over"));
        UserTask signOff = fixtures.task(request, ReviewCompletionCheck.SIGN_OFF_TASK);

        assertThatThrownBy(() -> fixtures.complete(signOff, "supervisor", Map.of("signOff", "release", "signOffNote", "fine")))
                .hasMessageContaining("supervisor reviewed legal request " + request.reference()
                        + " and cannot sign off its response");
        assertThat(fixtures.openTasks(request)).extracting(UserTask::taskKey).containsExactly(signOff.taskKey());
        assertThat(fixtures.current(request).signedOffBy()).isNull();
        assertThat(fixtures.current(request).step()).isEqualTo("sign-off");

        fixtures.complete(signOff, "second-supervisor", Map.of("signOff", "release", "signOffNote", "fine"));

        ReviewCase released = fixtures.closed(request);
        assertThat(released.outcome()).isEqualTo("released");
        assertThat(released.reviewedBy()).isEqualTo("supervisor");
        assertThat(released.signedOffBy()).isEqualTo("second-supervisor");
    }

    @Test
    void aCompletionWithoutAKnownUserIsRefused() {
        ReviewCase request = fixtures.submit(ReviewFixtures.Ask.subpoena());
        UserTask review = fixtures.task(request, ReviewCompletionCheck.REVIEW_TASK);

        assertThatThrownBy(() -> fixtures.complete(review, null, Map.of("decision", "approve", "reviewReason", "ok")))
                .hasMessageContaining("who completes the task is not known");
        assertThat(fixtures.openTasks(request)).hasSize(1);
    }

    @Test
    void aSignOffCanSendTheRequestBackToReview() {
        ReviewCase request = fixtures.submit(ReviewFixtures.Ask.subpoena());
        fixtures.complete(fixtures.task(request, ReviewCompletionCheck.REVIEW_TASK), "reviewer",
                Map.of("decision", "approve", "reviewReason", "fine"));
        engine.clock().advance(Duration.ofDays(2));

        fixtures.complete(fixtures.task(request, ReviewCompletionCheck.SIGN_OFF_TASK), "supervisor",
                Map.of("signOff", "return", "signOffNote", "the scope needs a date range"));

        UserTask again = fixtures.task(request, ReviewCompletionCheck.REVIEW_TASK);
        ReviewCase back = fixtures.atStep(request, "review");
        assertThat(back.signedOffBy()).isNull();
        assertThat(Duration.between(engine.clock().now(), back.reviewDueAt())).isBetween(Duration.ofDays(5).minusMinutes(1),
                Duration.ofDays(5));
        assertThat(again.due()).isEqualTo(back.reviewDueAt());
        assertThat(fixtures.actions(request)).containsSubsequence("review:approve", "package-assembled", "sign-off-returned");
    }

    @Test
    void aClarificationAnsweredByTheAgencyIsTriagedAndReviewedAgain() {
        ReviewCase request = fixtures.submit(ReviewFixtures.Ask.subpoena().caseNumber(null));
        UserTask review = fixtures.task(request, ReviewCompletionCheck.REVIEW_TASK);
        assertThat(fixtures.current(request).triage()).isEqualTo("deficient");

        fixtures.complete(review, "reviewer", Map.of("decision", "clarify", "reviewReason", "no case number",
                "clarificationQuestion", "Which case number does the subpoena carry?"));

        fixtures.waitingForAnswer(request);
        assertThat(cases.messages(request.id())).filteredOn(m -> m.kind().equals("clarification-question"))
                .singleElement().satisfies(m -> {
                    assertThat(m.body()).isEqualTo("Which case number does the subpoena carry?");
                    assertThat(m.author()).isEqualTo("reviewer");
                });
        assertThat(ReviewFixtures.body(fixtures.email(request, "clarification-requested-1")))
                .contains("Which case number does the subpoena carry?");
        assertThat(fixtures.openTasks(request)).isEmpty();

        jdbc.update("update legal_request set case_number = 'AG-2026-77' where legal_request_id = ?", request.id());
        jdbc.update("""
                insert into legal_request_message (legal_request_id, kind, author_kind, author, body, created_at)
                values (?, 'clarification-answer', 'agency', 'investigator', 'AG-2026-77', now())""", request.id());
        process.clarificationAnswered(request.id());

        UserTask second = await().atMost(Duration.ofSeconds(20)).until(() -> fixtures.openTasks(request).stream()
                .filter(t -> t.elementId().equals(ReviewCompletionCheck.REVIEW_TASK)).findFirst().orElse(null), t -> t != null);
        assertThat(second.taskKey()).isNotEqualTo(review.taskKey());
        ReviewCase reassessed = fixtures.current(request);
        assertThat(reassessed.triage()).isEqualTo("standard");
        assertThat(reassessed.step()).isEqualTo("review");
        assertThat(fixtures.actions(request)).containsSubsequence("triaged", "review:clarify", "clarification-requested", "triaged");
        assertThatThrownBy(() -> process.clarificationAnswered(request.id())).isInstanceOf(ReviewStateException.class)
                .hasMessageContaining("not waiting for an answer");
    }

    @Test
    void aClarificationNotAnsweredInTimeClosesTheRequestAsAbandoned() {
        ReviewCase request = fixtures.submit(ReviewFixtures.Ask.subpoena());
        fixtures.complete(fixtures.task(request, ReviewCompletionCheck.REVIEW_TASK), "reviewer",
                Map.of("decision", "clarify", "reviewReason", "scope unclear", "clarificationQuestion", "Which dates?"));
        fixtures.waitingForAnswer(request);

        engine.clock().advance(Duration.ofDays(29));
        assertThat(fixtures.current(request).isOpen()).isTrue();
        engine.clock().advance(Duration.ofDays(1).plusMinutes(1));

        ReviewCase abandoned = fixtures.closed(request);
        assertThat(abandoned.outcome()).isEqualTo("abandoned");
        assertThat(abandoned.outcomeReason()).isEqualTo("no answer to the clarification question within P30D");
        fixtures.processEnded(request);
        assertThat(ReviewFixtures.body(fixtures.email(request, "abandoned"))).contains("no answer to the clarification question");
    }

    @Test
    void aRejectedRequestIsClosedAndTheAgencyToldTheReason() {
        ReviewCase request = fixtures.submit(ReviewFixtures.Ask.subpoena());

        fixtures.complete(fixtures.task(request, ReviewCompletionCheck.REVIEW_TASK), "reviewer",
                Map.of("decision", "reject", "reviewReason", "the issuing office has no authority over carriers"));

        ReviewCase rejected = fixtures.closed(request);
        assertThat(rejected.outcome()).isEqualTo("rejected");
        assertThat(rejected.outcomeReason()).isEqualTo("the issuing office has no authority over carriers");
        assertThat(cases.documents(request.id())).noneMatch(d -> d.role().equals("response"));
        assertThat(fixtures.actions(request)).containsSubsequence("review:reject", "closed");
        assertThat(ReviewFixtures.body(fixtures.email(request, "rejected")))
                .contains("the issuing office has no authority over carriers");
    }

    @Test
    void anOverdueReviewIsEscalatedToTheSupervisorsAndStaysOpen() throws Exception {
        ReviewCase request = fixtures.submit(ReviewFixtures.Ask.subpoena());
        UserTask review = fixtures.task(request, ReviewCompletionCheck.REVIEW_TASK);

        engine.clock().advance(Duration.ofDays(4));
        assertThat(fixtures.actions(request)).doesNotContain("review-escalated");
        engine.clock().advance(Duration.ofDays(1).plusMinutes(1));

        await().atMost(Duration.ofSeconds(20)).until(() -> fixtures.actions(request).contains("review-escalated"));
        assertThat(cases.escalated(request.id())).isTrue();
        var email = fixtures.email(request, "Overdue review");
        assertThat(ReviewFixtures.body(email)).contains("/legal-requests/" + request.id());
        assertThat(email.getAllRecipients()[0].toString()).isEqualTo("legal-supervisors@hoptrace.example");
        assertThat(fixtures.openTasks(request)).extracting(UserTask::taskKey).containsExactly(review.taskKey());

        fixtures.complete(review, "supervisor", Map.of("decision", "reject", "reviewReason", "out of time, no authority"));
        assertThat(fixtures.closed(request).outcome()).isEqualTo("rejected");
    }

    @Test
    void aWithdrawalEndsTheProcessAtAnyStep() {
        ReviewCase inReview = fixtures.submit(ReviewFixtures.Ask.subpoena());
        fixtures.task(inReview, ReviewCompletionCheck.REVIEW_TASK);
        ReviewCase inClarification = fixtures.submit(ReviewFixtures.Ask.subpoena());
        fixtures.complete(fixtures.task(inClarification, ReviewCompletionCheck.REVIEW_TASK), "reviewer",
                Map.of("decision", "clarify", "reviewReason", "?", "clarificationQuestion", "Which numbers?"));
        fixtures.waitingForAnswer(inClarification);
        ReviewCase inSignOff = fixtures.submit(ReviewFixtures.Ask.subpoena());
        fixtures.complete(fixtures.task(inSignOff, ReviewCompletionCheck.REVIEW_TASK), "reviewer",
                Map.of("decision", "approve", "reviewReason", "fine"));
        fixtures.task(inSignOff, ReviewCompletionCheck.SIGN_OFF_TASK);

        for (ReviewCase request : List.of(inReview, inClarification, inSignOff)) {
            process.withdraw(request.id(), "investigator", "case settled");

            ReviewCase withdrawn = fixtures.current(request);
            assertThat(withdrawn.status()).isEqualTo("closed");
            assertThat(withdrawn.outcome()).isEqualTo("withdrawn");
            assertThat(withdrawn.outcomeReason()).isEqualTo("case settled");
            assertThat(withdrawn.releasedAt()).isNull();
            assertThat(fixtures.processRunning(request)).isFalse();
            assertThat(fixtures.openTasks(request)).isEmpty();
            assertThatThrownBy(() -> process.withdraw(request.id(), "investigator", "again"))
                    .isInstanceOf(ReviewStateException.class).hasMessageContaining("closed already");
        }
        engine.clock().advance(Duration.ofDays(31));
        assertThat(fixtures.current(inClarification).outcome()).isEqualTo("withdrawn");
    }
}
