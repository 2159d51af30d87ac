package org.hoptrace.workflow;

import java.util.Map;

/**
 * Thrown by a job worker for a business outcome the model catches with an error boundary or
 * error event subprocess (Camunda 8's "throw error" command). Not retried.
 */
public class BpmnError extends RuntimeException {

    private final String errorCode;
    private final Map<String, Object> variables;

    public BpmnError(String errorCode, String message) {
        this(errorCode, message, Map.of());
    }

    public BpmnError(String errorCode, String message, Map<String, Object> variables) {
        super(message);
        this.errorCode = errorCode;
        this.variables = Map.copyOf(variables);
    }

    public String errorCode() {
        return errorCode;
    }

    public Map<String, Object> variables() {
        return variables;
    }
}
