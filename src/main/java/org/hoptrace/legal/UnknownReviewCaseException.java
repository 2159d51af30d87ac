package org.hoptrace.legal;

/** No legal request with the given id or reference. */
public class UnknownReviewCaseException extends RuntimeException {

    public UnknownReviewCaseException(String idOrReference) {
        super("no legal request " + idOrReference);
    }
}
