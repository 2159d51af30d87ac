package org.hoptrace.calls;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.hoptrace.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The call and source API's errors as RFC 9457 problems, shaped like the rest of the API's. The API
 * controllers extend it: their own handlers come before web.ApiProblemHandler's catch-all.
 */
abstract class CallProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(UnreadableCallsException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, e.slug(), e.title(), "Nothing was stored: " + e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", "body", "message", e.getMessage())));
        return Problems.answer(problem, request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidSourceException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.invalidFields(e.problems());
        return Problems.answer(problem, request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> nameTaken(SourceNameTakenException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "source-name-taken", "Name already registered", e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", "name", "message", "already registered")));
        return Problems.answer(problem, request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknown(UnknownSourceException e, HttpServletRequest request) {
        return Problems.answer(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()), request);
    }
}
