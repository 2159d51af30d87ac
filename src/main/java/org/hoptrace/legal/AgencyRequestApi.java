package org.hoptrace.legal;

import static org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
import static org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.hoptrace.document.DocumentRejectedException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartFile;

/** The agency API (docs/agency-portal.md): an agency user's personal API token sees only the agency's own requests. */
@RestController
@RequestMapping("/api/v1/agency/legal-requests")
@Tag(name = "Agency legal requests", description = "For agency users with a personal API token (Authorization: Bearer "
        + "hta_...). Another agency's request answers 404 like one that does not exist.")
@ApiResponse(responseCode = "401", description = "No, unknown or revoked API token", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class AgencyRequestApi {

    private final LegalRequestRepository requests;
    private final AgencyRequestSubmission submission;
    private final AgencyRequestAccess access;
    private final ObjectMapper json;

    AgencyRequestApi(LegalRequestRepository requests, AgencyRequestSubmission submission, AgencyRequestAccess access,
                     ObjectMapper json) {
        this.requests = requests;
        this.submission = submission;
        this.access = access;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "The agency's legal requests, newest first")
    List<AgencyRequestView> list(@AuthenticationPrincipal AgencyPrincipal agent,
                                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return requests.list(LegalRequestFilter.ofAgency(agent.agencyId(), page, size)).stream()
                .map(AgencyRequestView::summary).toList();
    }

    @PostMapping(consumes = MULTIPART_FORM_DATA_VALUE, produces = APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a legal request", description = "multipart/form-data: a part 'request' with the JSON "
            + "and one part 'documents' per file (at least one). Every document is checked before anything is stored.")
    @ApiResponse(responseCode = "201", description = "Submitted; the reference is in the answer")
    @ApiResponse(responseCode = "400", description = "Invalid fields (each in `errors`), no document, or a document refused",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "A document is larger than the limit", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<AgencyRequestView> submit(@AuthenticationPrincipal AgencyPrincipal agent,
            @Parameter(schema = @Schema(implementation = AgencyRequestDraft.class)) @RequestPart("request") Part request,
            @RequestPart(name = "documents", required = false) List<MultipartFile> documents) throws IOException {
        AgencyRequestDraft draft;
        try (InputStream in = request.getInputStream()) {
            draft = json.readValue(in, AgencyRequestDraft.class);
        } catch (JsonProcessingException e) {
            throw new InvalidAgencyInputException(Map.of("request", "the part 'request' is not valid JSON: "
                    + e.getOriginalMessage()));
        }
        LegalRequest submitted = submission.submit(agent, draft, documents);
        return ResponseEntity.created(URI.create("/api/v1/agency/legal-requests/" + submitted.id()))
                .body(detail(submitted));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A request: status, messages, documents (the response once released)", description = "Recorded in the audit trail.")
    @ApiResponse(responseCode = "404", description = "No such request of the agency", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    AgencyRequestView get(@AuthenticationPrincipal AgencyPrincipal agent, @PathVariable UUID id) {
        return detail(access.view(agent, id));
    }

    /** The answer to the open clarification question. */
    record ClarificationAnswer(String text) {
    }

    @PostMapping(path = "/{id}/clarification", consumes = APPLICATION_JSON_VALUE)
    @Operation(summary = "Answer the open clarification question")
    @ApiResponse(responseCode = "409", description = "The request is closed or no question is open", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    AgencyRequestView answer(@AuthenticationPrincipal AgencyPrincipal agent, @PathVariable UUID id,
                             @RequestBody ClarificationAnswer answer) {
        submission.answerClarification(agent, id, answer.text(), List.of());
        return detail(access.own(agent, id));
    }

    @PostMapping(path = "/{id}/clarification", consumes = MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Answer the open clarification question, with documents", description = "Parts: 'text' and "
            + "one 'documents' part per file.")
    AgencyRequestView answerWithDocuments(@AuthenticationPrincipal AgencyPrincipal agent, @PathVariable UUID id,
                                          @RequestParam("text") String text,
                                          @RequestPart(name = "documents", required = false) List<MultipartFile> documents) {
        submission.answerClarification(agent, id, text, documents);
        return detail(access.own(agent, id));
    }

    /** Why the agency withdraws the request. */
    record Withdrawal(String reason) {
    }

    @PostMapping("/{id}/withdrawal")
    @Operation(summary = "Withdraw the request", description = "Its process ends wherever it is; closed as withdrawn.")
    @ApiResponse(responseCode = "409", description = "The request is closed already", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    AgencyRequestView withdraw(@AuthenticationPrincipal AgencyPrincipal agent, @PathVariable UUID id,
                               @RequestBody Withdrawal withdrawal) {
        access.withdraw(agent, id, withdrawal.reason());
        return detail(access.own(agent, id));
    }

    @GetMapping("/{id}/documents/{documentId}")
    @Operation(summary = "Download a document", description = "What the agency sent, and the response once released. "
            + "Recorded in the audit trail; X-Content-SHA256 carries the file's hash.")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal AgencyPrincipal agent, @PathVariable UUID id,
                                    @PathVariable UUID documentId) {
        return AgencyApiProblems.download(access.download(agent, id, documentId));
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "The request's audit trail, for the chain of custody", description = "Every entry with its "
            + "hash and the previous entry's hash; the export itself is recorded first.")
    AuditExport.Export audit(@AuthenticationPrincipal AgencyPrincipal agent, @PathVariable UUID id) {
        return access.exportAudit(agent, id);
    }

    private AgencyRequestView detail(LegalRequest request) {
        return AgencyRequestView.of(request, requests.messages(request.id()), access.documents(request),
                access.openQuestion(request.id()).map(LegalRequestRepository.Message::body).orElse(null));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidAgencyInputException e, HttpServletRequest request) {
        return AgencyApiProblems.invalid(e.problems(), request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(DocumentRejectedException e, HttpServletRequest request) {
        return AgencyApiProblems.rejected(e, request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(LegalRequestNotFoundException e, HttpServletRequest request) {
        return AgencyApiProblems.notFound(e.getMessage(), request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> badId(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return AgencyApiProblems.notFound("no such legal request", request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> conflict(LegalRequestStateException e, HttpServletRequest request) {
        return AgencyApiProblems.conflict(e.getMessage(), request);
    }
}
