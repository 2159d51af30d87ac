package org.hoptrace.workflow.embedded;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.workflow.ActivatedJob;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;

/** An Operaton external task seen as a Camunda 8 job. */
final class LockedJob implements ActivatedJob {

    static final String RETRIES_PROPERTY = "hoptrace:retries";
    static final String LOCAL_RESULT_PROPERTY = "hoptrace:localResult";
    static final int DEFAULT_RETRIES = 3;

    private final LockedExternalTask task;
    private final ObjectMapper json;
    private final Map<String, String> headers = new HashMap<>();
    private final Map<String, Object> variables;

    LockedJob(LockedExternalTask task, ObjectMapper json) {
        this.task = task;
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Map<String, String> properties = task.getExtensionProperties() == null ? Map.of() : task.getExtensionProperties();
        properties.forEach((key, value) -> {
            if (!key.startsWith("hoptrace:")) {
                headers.put(key, value);
            }
        });
        this.variables = new HashMap<>(task.getVariables());
        if (variables.get("loopCounter") instanceof Number counter) {
            variables.put("loopCounter", counter.longValue() + 1);
        }
    }

    @Override
    public String key() {
        return task.getId();
    }

    @Override
    public String type() {
        return task.getTopicName();
    }

    @Override
    public String processInstanceKey() {
        return task.getProcessInstanceId();
    }

    @Override
    public String processId() {
        return task.getProcessDefinitionKey();
    }

    @Override
    public String elementId() {
        return task.getActivityId();
    }

    @Override
    public int retries() {
        return retriesOf(task);
    }

    /** Retries left: the engine's count once a failure was reported, before that the model's. */
    static int retriesOf(LockedExternalTask task) {
        if (task.getRetries() != null) {
            return task.getRetries();
        }
        String configured = task.getExtensionProperties() == null ? null : task.getExtensionProperties().get(RETRIES_PROPERTY);
        return configured == null ? DEFAULT_RETRIES : Integer.parseInt(configured);
    }

    /** True when the model maps the result with output mappings: only those reach the process. */
    boolean localResult() {
        return task.getExtensionProperties() != null
                && "true".equals(task.getExtensionProperties().get(LOCAL_RESULT_PROPERTY));
    }

    @Override
    public Map<String, String> customHeaders() {
        return Map.copyOf(headers);
    }

    @Override
    public Map<String, Object> variables() {
        return java.util.Collections.unmodifiableMap(variables);
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
