package org.hoptrace.agency;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.hoptrace.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The registry's errors as RFC 9457 problems, field errors as {@code errors: [{field, message}]} like the rest of the API. */
final class AgencyProblems {

    private AgencyProblems() {
    }

    static ResponseEntity<ProblemDetail> invalid(Map<String, String> problems, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request",
                "The request has invalid fields.");
        problem.setProperty("errors", errors(problems));
        return answer(problem, request);
    }

    static ResponseEntity<ProblemDetail> nameTaken(AgencyNameTakenException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "agency-name-taken", "Agency name already registered",
                e.getMessage());
        if (e.existingId() != null) {
            problem.setProperty("existingAgencyId", e.existingId());
        }
        problem.setProperty("errors", errors(Map.of("name", "another agency has this name")));
        return answer(problem, request);
    }

    static ResponseEntity<ProblemDetail> notFound(String detail, HttpServletRequest request) {
        return answer(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", detail), request);
    }

    private static List<Map<String, String>> errors(Map<String, String> problems) {
        return problems.entrySet().stream().map(e -> Map.of("field", e.getKey(), "message", e.getValue())).toList();
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
