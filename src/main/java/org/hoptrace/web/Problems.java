package org.hoptrace.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * RFC 9457 problem details as the API answers them: every problem has a type under
 * {@code https://hoptrace.org/problems/} and a title.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://hoptrace.org/problems/";

    private Problems() {
    }

    /** A problem with type {@code TYPE_BASE + slug}, the given title and detail. */
    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
    }

    /** 400 validation-failed with the field errors as {@code errors: [{field, message}]}. */
    public static ProblemDetail invalidFields(Map<String, String> problems) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request",
                "The request has invalid fields.");
        problem.setProperty("errors", fieldErrors(problems));
        return problem;
    }

    /** Field problems (field to message) as the API lists them: {@code [{field, message}]}, in the map's order. */
    public static List<Map<String, String>> fieldErrors(Map<String, String> problems) {
        return problems.entrySet().stream().map(e -> Map.of("field", e.getKey(), "message", e.getValue())).toList();
    }

    /** The problem as the answer to {@code request}: its path as the instance, {@code application/problem+json}. */
    public static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The problem type for a plain HTTP status, e.g. 404 -> {@code not-found}. */
    public static String slugFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 415 -> "unsupported-media-type";
            case 500 -> "internal-error";
            default -> "http-" + status.value();
        };
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }
}
