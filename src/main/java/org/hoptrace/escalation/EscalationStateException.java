package org.hoptrace.escalation;

/** An action the escalation's state does not allow, e.g. closing one that has ended. */
public class EscalationStateException extends RuntimeException {

    public EscalationStateException(String message) {
        super(message);
    }
}
