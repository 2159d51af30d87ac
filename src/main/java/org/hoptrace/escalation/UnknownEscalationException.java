package org.hoptrace.escalation;

/** No escalation with this id or reference. */
public class UnknownEscalationException extends RuntimeException {

    public UnknownEscalationException(String idOrReference) {
        super("no escalation '" + idOrReference + "'");
    }
}
