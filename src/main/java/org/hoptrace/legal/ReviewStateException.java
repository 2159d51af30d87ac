package org.hoptrace.legal;

/** What was asked does not fit where the legal request is (e.g. withdrawing a closed request). */
public class ReviewStateException extends RuntimeException {

    public ReviewStateException(String message) {
        super(message);
    }
}
