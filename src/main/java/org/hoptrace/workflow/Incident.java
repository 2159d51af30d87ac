package org.hoptrace.workflow;

import java.time.Instant;

/**
 * An open incident: a job whose retries ran out, or another failure that needs an operator.
 * {@code operateUrl} links to the process instance in the engine's operations tool, where the
 * adapter knows one (Camunda Operate), else null.
 */
public record Incident(String incidentKey, String processInstanceKey, String processId, String elementId,
                       String type, String message, Instant created, String operateUrl) {

    public Incident(String incidentKey, String processInstanceKey, String processId, String elementId,
                    String type, String message, Instant created) {
        this(incidentKey, processInstanceKey, processId, elementId, type, message, created, null);
    }
}
