package org.hoptrace.provider;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.hoptrace.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The registry's errors as RFC 9457 problems, shaped like the rest of the API's (web.ApiProblemHandler):
 * field errors as {@code errors: [{field, message}]}.
 */
final class ProviderProblems {

    private ProviderProblems() {
    }

    static ResponseEntity<ProblemDetail> invalid(Map<String, String> problems, HttpServletRequest request) {
        ProblemDetail problem = Problems.invalidFields(problems);
        return Problems.answer(problem, request);
    }

    static ResponseEntity<ProblemDetail> filerIdTaken(FilerIdTakenException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "filer-id-taken", "Filer id already registered",
                e.getMessage());
        problem.setProperty("existingProviderId", e.existing().id());
        problem.setProperty("errors", Problems.fieldErrors(Map.of("filer499Id", "already registered (provider "
                + e.existing().legalName() + ")")));
        return Problems.answer(problem, request);
    }

    static ResponseEntity<ProblemDetail> conflict(String detail, HttpServletRequest request) {
        return Problems.answer(Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", detail), request);
    }

    static ResponseEntity<ProblemDetail> notFound(String detail, HttpServletRequest request) {
        return Problems.answer(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", detail), request);
    }

    static ResponseEntity<ProblemDetail> invalidFile(List<String> problems, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-import-file", "File cannot be imported",
                "Nothing was imported: " + String.join("; ", problems));
        problem.setProperty("errors", problems.stream().map(message -> Map.of("field", "file", "message", message)).toList());
        return Problems.answer(problem, request);
    }

}
