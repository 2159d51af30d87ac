package org.hoptrace.legal;

/** What was asked does not fit where the legal request is (e.g. withdrawing a closed request): 409. */
public class ReviewStateException extends LegalRequestStateException {

    public ReviewStateException(String message) {
        super(message);
    }
}
