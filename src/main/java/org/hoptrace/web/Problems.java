package org.hoptrace.web;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

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
