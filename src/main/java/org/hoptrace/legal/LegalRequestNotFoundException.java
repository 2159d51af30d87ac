package org.hoptrace.legal;

/** A legal request (or a thing of one) that does not exist, or that the caller's agency may not see: both answer 404. */
public class LegalRequestNotFoundException extends RuntimeException {

    public LegalRequestNotFoundException(String message) {
        super(message);
    }
}
