package org.hoptrace.legal;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.hoptrace.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff API for legal requests: the list and one request (documents without content, messages, decisions, tasks). */
@RestController
@RequestMapping(path = "/api/v1/legal-requests", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Legal requests (staff)", description = "Subpoenas, CIDs, court orders and emergency disclosure requests under review")
class LegalConsoleApiController {

    private final LegalConsoleQueries queries;

    LegalConsoleApiController(LegalConsoleQueries queries) {
        this.queries = queries;
    }

    record Summary(UUID id, String reference, String agency, String requestType, String caseNumber, LocalDate returnDate,
                   String status, String step, String triage, Instant reviewDueAt, boolean reviewEscalated,
                   String outcome, Instant submittedAt, Instant releasedAt) {

        static Summary of(ReviewCase c, boolean escalated) {
            return new Summary(c.id(), c.reference(), c.agencyName(), c.requestType(), c.caseNumber(), c.returnDate(),
                    c.status(), c.step(), c.triage(), c.reviewDueAt(), escalated, c.outcome(), c.submittedAt(), c.releasedAt());
        }
    }

    record DocumentView(UUID id, String role, String filename, String mediaType, long sizeBytes, String sha256,
                        Instant addedAt, Map<String, Object> proposedFields) {
    }

    record TaskView(String name, String candidateGroups, String assignee, Instant due, String tasklistUrl) {
    }

    record Detail(Summary summary, String issuingAuthority, String description, ReviewScope requestedScope,
                  ReviewScope approvedScope, String outcomeReason, String reviewedBy, String signedOffBy,
                  List<DocumentView> documents, List<ReviewCases.MessageRow> messages, List<AuditEntry> decisions,
                  boolean auditTrailIntact, List<TaskView> openTasks) {
    }

    @GetMapping
    @Operation(summary = "List legal requests", description = "Open requests first, the most urgent review first. "
            + "Filters: status (open, closed), triage (expedited, standard, deficient), q (part of the reference, case number or agency).")
    List<Summary> list(@RequestParam(required = false) String status, @RequestParam(required = false) String triage,
                       @RequestParam(required = false) String q, @RequestParam(defaultValue = "100") int limit) {
        return queries.list(status, triage, q, limit).stream().map(c -> Summary.of(c, queries.escalated(c))).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One legal request", description = "Recorded in the request's audit trail as viewed.")
    Detail get(@PathVariable UUID id, Principal user) {
        LegalConsoleDetail d = queries.view(id, user.getName());
        ReviewCase c = d.request();
        return new Detail(Summary.of(c, d.escalated()), c.issuingAuthority(), c.description(), c.requestedScope(),
                c.approvedScope(), c.outcomeReason(), c.reviewedBy(), c.signedOffBy(),
                d.documents().stream().map(x -> new DocumentView(x.documentId(), x.role(), x.filename(), x.mediaType(),
                        x.sizeBytes(), x.sha256(), x.addedAt(), x.proposedFields())).toList(),
                d.messages(), d.decisions(), d.verification().intact(),
                d.openTasks().stream().map(t -> new TaskView(t.name(), String.join(",", t.candidateGroups()), t.assignee(),
                        t.due(), t.tasklistUrl())).toList());
    }

    @ExceptionHandler(UnknownReviewCaseException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownReviewCaseException e, HttpServletRequest request) {
        return problem(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()), request);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badFilter(IllegalArgumentException e, HttpServletRequest request) {
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Invalid filter", e.getMessage()), request);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
