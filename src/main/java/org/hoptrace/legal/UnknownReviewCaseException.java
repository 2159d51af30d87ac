package org.hoptrace.legal;

/** No legal request with the given id or reference (the staff side; the agency side answers 404 the same way). */
public class UnknownReviewCaseException extends LegalRequestNotFoundException {

    public UnknownReviewCaseException(String idOrReference) {
        super("no legal request " + idOrReference);
    }
}
