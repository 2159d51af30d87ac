package org.hoptrace.portal;

import static org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
import static org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
import static org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.Part;
import org.hoptrace.document.Document;
import org.hoptrace.document.DocumentRejectedException;
import org.hoptrace.document.DocumentStore;
import org.hoptrace.portal.HopViews.AnswerView;
import org.hoptrace.portal.HopViews.HopView;
import org.hoptrace.traceback.AnswerRejectedException;
import org.hoptrace.traceback.AnsweringHop;
import org.hoptrace.traceback.Hop;
import org.hoptrace.traceback.HopEvidence;
import org.hoptrace.traceback.TracebackRepository;
import org.hoptrace.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The provider side of a hop for machines: read the hop, answer it (JSON, or multipart with evidence
 * files), download the evidence. Errors are problem+json; a hop of another provider is 404 like a
 * hop that does not exist. docs/provider-portal.md has the walk-through with curl.
 */
@RestController
@RequestMapping("/api/v1/hops")
@Tag(name = "Hop responses", description = "For voice service providers: the hops you are asked about and your answers. "
        + "HTTP Basic with your API credentials: API key id as user name, secret as password.")
@ApiResponse(responseCode = "401", description = "no or wrong credentials",
        content = @Content(mediaType = APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "no such hop, or a hop sent to another provider",
        content = @Content(mediaType = APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
class HopApiController {

    private final HopAccess access;
    private final AnswerSubmission submission;
    private final TracebackRepository tracebacks;
    private final HopEvidence evidence;
    private final DocumentStore documents;
    private final ObjectMapper json;
    private final Clock clock;

    HopApiController(HopAccess access, AnswerSubmission submission, TracebackRepository tracebacks, HopEvidence evidence,
                     DocumentStore documents, ObjectMapper json, Clock clock) {
        this.access = access;
        this.submission = submission;
        this.tracebacks = tracebacks;
        this.evidence = evidence;
        this.documents = documents;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping(path = "/{hopId}", produces = APPLICATION_JSON_VALUE)
    @Operation(operationId = "getHop", summary = "The hop: the call, the deadline, its status and your answer",
            description = "A provider sees its own hops; ITG staff see every hop.")
    @ApiResponse(responseCode = "200", description = "the hop")
    HopView hop(@PathVariable UUID hopId, Authentication authentication) {
        Hop hop = access.visibleHop(hopId, authentication);
        return HopView.of(hop, tracebacks.get(hop.tracebackId()),
                submission.recorded(hopId, evidenceHref(hopId)).orElse(null), clock.instant());
    }

    @PostMapping(path = "/{hopId}/response", consumes = APPLICATION_JSON_VALUE, produces = APPLICATION_JSON_VALUE)
    @Operation(operationId = "answerHop", summary = "Answer the hop",
            description = "Records your answer and hands it to the traceback. Sending the identical answer again is "
                    + "safe (200, nothing changes); a different answer is refused (409). After the deadline the answer "
                    + "is still recorded, with late: true. To send evidence files, post multipart/form-data instead: "
                    + "a part 'answer' with this JSON and one part 'evidence' per file (PDF or CSV).")
    @ApiResponse(responseCode = "201", description = "recorded (late: true when after the deadline)")
    @ApiResponse(responseCode = "200", description = "the identical answer was recorded before; it is returned unchanged")
    @ApiResponse(responseCode = "400", description = "invalid answer: errors name each field (type, upstreamProviderId, "
            + "upstreamName, upstreamEmail, upstreamCountry, customerName, explanation, evidence), or malformed JSON",
            content = @Content(mediaType = APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "the hop was answered differently already, or its traceback was cancelled",
            content = @Content(mediaType = APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "an evidence file is larger than the limit (10 MB by default)",
            content = @Content(mediaType = APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<AnswerView> answer(@PathVariable UUID hopId, @RequestBody AnswerRequest answer,
                                      Authentication authentication) {
        return submit(hopId, answer, List.of(), authentication);
    }

    @PostMapping(path = "/{hopId}/response", consumes = MULTIPART_FORM_DATA_VALUE, produces = APPLICATION_JSON_VALUE)
    @Operation(operationId = "answerHop", summary = "Answer the hop, with evidence files", description = "As the JSON answer; the files are "
            + "stored with the answer, or not at all. Only PDF and CSV are accepted, detected from the content.")
    ResponseEntity<AnswerView> answerWithEvidence(
            @PathVariable UUID hopId,
            @Parameter(schema = @Schema(implementation = AnswerRequest.class))
            @RequestPart("answer") Part answer,
            @Parameter(description = "evidence files, PDF or CSV")
            @RequestPart(name = "evidence", required = false) List<MultipartFile> evidenceFiles,
            Authentication authentication) throws IOException {
        AnswerRequest request;
        try (InputStream in = answer.getInputStream()) {
            request = json.readValue(in, AnswerRequest.class);
        }
        return submit(hopId, request, evidenceFiles == null ? List.of() : evidenceFiles, authentication);
    }

    @GetMapping("/{hopId}/evidence/{documentId}")
    @Operation(operationId = "downloadHopEvidence", summary = "Download an evidence file of the hop", description = "For the hop's provider and ITG staff.")
    @ApiResponse(responseCode = "200", description = "the file, with the media type detected at upload",
            content = {@Content(mediaType = "application/pdf"), @Content(mediaType = "text/csv")})
    ResponseEntity<byte[]> evidence(@PathVariable UUID hopId, @PathVariable UUID documentId, Authentication authentication) {
        Hop hop = access.visibleHop(hopId, authentication);
        Document document = evidence.document(hop.id(), documentId).orElseThrow(() -> new HopNotFoundException(hopId));
        return EvidenceDownload.of(document, documents.content(document.id()));
    }

    private ResponseEntity<AnswerView> submit(UUID hopId, AnswerRequest request, List<MultipartFile> files,
                                              Authentication authentication) {
        Hop hop = access.ownHop(hopId, authentication);
        AnsweringHop.Result result = submission.submit(hop, request, files, "api", access.answeredBy(authentication, hop));
        AnswerView recorded = submission.recorded(hopId, evidenceHref(hopId)).orElseThrow();
        if (result == AnsweringHop.Result.ALREADY_RECORDED) {
            return ResponseEntity.ok(recorded);
        }
        return ResponseEntity.created(URI.create("/api/v1/hops/" + hopId)).body(recorded);
    }

    private static String evidenceHref(UUID hopId) {
        return "/api/v1/hops/" + hopId + "/evidence/";
    }

    @ExceptionHandler(HopNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(HopNotFoundException e) {
        return problem(Problems.of(HttpStatus.NOT_FOUND, "hop-not-found", "Hop not found", e.getMessage()));
    }

    @ExceptionHandler(AnswerRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(AnswerRejectedException e) {
        return problem(switch (e.reason()) {
            case INVALID -> withErrors(Problems.of(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid answer",
                    "The answer has invalid fields; nothing was recorded."), e.fieldProblems());
            case CONFLICT -> Problems.of(HttpStatus.CONFLICT, "answer-conflict", "Answered differently already",
                    "The hop has been answered differently already; the first answer stands. Ask ITG to change it.");
            case HOP_CLOSED -> Problems.of(HttpStatus.CONFLICT, "hop-closed", "Traceback cancelled",
                    "The traceback of this hop was cancelled; no answer is needed.");
            case NOT_YOUR_HOP -> Problems.of(HttpStatus.NOT_FOUND, "hop-not-found", "Hop not found",
                    "There is no hop for you with this id.");
        });
    }

    @ExceptionHandler(DocumentRejectedException.class)
    ResponseEntity<ProblemDetail> documentRejected(DocumentRejectedException e) {
        boolean tooLarge = e.reason() == DocumentRejectedException.Reason.TOO_LARGE;
        ProblemDetail problem = tooLarge
                ? Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "document-too-large", "Document too large", e.getMessage())
                : Problems.of(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid answer", e.getMessage());
        return problem(withErrors(problem, Map.of("evidence", e.getMessage())));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, JsonProcessingException.class})
    ResponseEntity<ProblemDetail> malformed(Exception e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed answer",
                "The answer is not valid JSON.");
        Throwable cause = e instanceof JsonProcessingException ? e : e.getCause();
        if (cause instanceof JsonProcessingException parsing) {
            String where = parsing.getLocation() == null ? ""
                    : " (line " + parsing.getLocation().getLineNr() + ", column " + parsing.getLocation().getColumnNr() + ")";
            problem.setDetail("The answer is not valid JSON: " + parsing.getOriginalMessage() + where);
            if (parsing instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                    && mapping.getPath().get(0).getFieldName() != null) {
                withErrors(problem, Map.of(mapping.getPath().get(0).getFieldName(), "must be a text value"));
            }
        }
        return problem(problem);
    }

    private static ProblemDetail withErrors(ProblemDetail problem, Map<String, String> fieldProblems) {
        problem.setProperty("errors", fieldProblems.entrySet().stream()
                .map(entry -> Map.of("field", entry.getKey(), "message", entry.getValue())).toList());
        return problem;
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
