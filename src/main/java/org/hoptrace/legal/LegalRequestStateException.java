package org.hoptrace.legal;

/** An action the request's state does not allow: withdraw a closed request, answer when no question is open. */
public class LegalRequestStateException extends RuntimeException {

    public LegalRequestStateException(String message) {
        super(message);
    }
}
