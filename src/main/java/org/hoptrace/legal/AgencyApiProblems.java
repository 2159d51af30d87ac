package org.hoptrace.legal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.hoptrace.document.DocumentRejectedException;
import org.hoptrace.web.Problems;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The agency portal's and agency API's errors as RFC 9457 problems, and document downloads. */
final class AgencyApiProblems {

    private AgencyApiProblems() {
    }

    /** 413 for a file over the size limit, 400 for every other refusal (type, executable, encrypted, ...). */
    static HttpStatus status(DocumentRejectedException rejected) {
        return rejected.reason() == DocumentRejectedException.Reason.TOO_LARGE ? HttpStatus.PAYLOAD_TOO_LARGE
                : HttpStatus.BAD_REQUEST;
    }

    static ResponseEntity<ProblemDetail> invalid(Map<String, String> problems, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request",
                "The request has invalid fields: " + String.join(", ", problems.keySet()) + ".");
        problem.setProperty("errors", Problems.fieldErrors(problems));
        return Problems.answer(problem, request);
    }

    static ResponseEntity<ProblemDetail> rejected(DocumentRejectedException rejected, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(status(rejected), "document-rejected", "Document refused", rejected.getMessage());
        problem.setProperty("filename", rejected.filename());
        problem.setProperty("errors", Problems.fieldErrors(Map.of("documents", rejected.getMessage())));
        return Problems.answer(problem, request);
    }

    static ResponseEntity<ProblemDetail> notFound(String detail, HttpServletRequest request) {
        return Problems.answer(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", detail), request);
    }

    static ResponseEntity<ProblemDetail> conflict(String detail, HttpServletRequest request) {
        return Problems.answer(Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", detail), request);
    }

    static ResponseEntity<byte[]> download(AgencyRequestAccess.Download download) {
        var document = download.document().document();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.mediaType()))
                .contentLength(download.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", document.sha256())
                .body(download.content());
    }

}
