package org.hoptrace.workflow.camunda8;

import java.util.Collections;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.workflow.ActivatedJob;

/** A job activated on Camunda 8, as Hoptrace's workers see it. */
final class Camunda8Job implements ActivatedJob {

    private final io.camunda.client.api.response.ActivatedJob job;
    private final ObjectMapper json;
    private final Map<String, Object> variables;

    /** @param json a mapper that ignores unknown properties (variables bind like JSON) */
    Camunda8Job(io.camunda.client.api.response.ActivatedJob job, ObjectMapper json) {
        this.job = job;
        this.json = json;
        this.variables = Collections.unmodifiableMap(job.getVariablesAsMap());
    }

    @Override
    public String key() {
        return Long.toString(job.getKey());
    }

    @Override
    public String type() {
        return job.getType();
    }

    @Override
    public String processInstanceKey() {
        return Long.toString(job.getProcessInstanceKey());
    }

    @Override
    public String processId() {
        return job.getBpmnProcessId();
    }

    @Override
    public String elementId() {
        return job.getElementId();
    }

    @Override
    public int retries() {
        return job.getRetries();
    }

    @Override
    public Map<String, String> customHeaders() {
        return job.getCustomHeaders() == null ? Map.of() : Map.copyOf(job.getCustomHeaders());
    }

    @Override
    public Map<String, Object> variables() {
        return variables;
    }

    @Override
    public <T> T variablesAs(Class<T> type) {
        return json.convertValue(variables, type);
    }

    @Override
    public String toString() {
        return "job " + key() + " (" + type() + ") of process instance " + processInstanceKey();
    }
}
