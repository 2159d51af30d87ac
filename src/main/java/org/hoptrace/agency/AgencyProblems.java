package org.hoptrace.agency;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.hoptrace.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The registry's errors as RFC 9457 problems, field errors as {@code errors: [{field, message}]} like the rest of the API. */
final class AgencyProblems {

    private AgencyProblems() {
    }

    static ResponseEntity<ProblemDetail> invalid(Map<String, String> problems, HttpServletRequest request) {
        ProblemDetail problem = Problems.invalidFields(problems);
        return Problems.answer(problem, request);
    }

    static ResponseEntity<ProblemDetail> nameTaken(AgencyNameTakenException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "agency-name-taken", "Agency name already registered",
                e.getMessage());
        if (e.existingId() != null) {
            problem.setProperty("existingAgencyId", e.existingId());
        }
        problem.setProperty("errors", Problems.fieldErrors(Map.of("name", "another agency has this name")));
        return Problems.answer(problem, request);
    }

    static ResponseEntity<ProblemDetail> notFound(String detail, HttpServletRequest request) {
        return Problems.answer(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", detail), request);
    }

}
