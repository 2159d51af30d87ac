package org.hoptrace.workflow;

import java.time.Instant;

/** An open incident: a job whose retries ran out, or another failure that needs an operator. */
public record Incident(String incidentKey, String processInstanceKey, String processId, String elementId,
                       String type, String message, Instant created) {
}
