package org.hoptrace.workflow;

import java.util.Map;

/** A job handed to a worker: its identity, headers and variables. */
public interface ActivatedJob {

    String key();

    String type();

    String processInstanceKey();

    String processId();

    String elementId();

    /** Retries left, counting this attempt. */
    int retries();

    /** Static headers from the model ({@code zeebe:taskHeaders}). */
    Map<String, String> customHeaders();

    Map<String, Object> variables();

    /** The variables bound to a type (a record or bean), as JSON would bind them. */
    <T> T variablesAs(Class<T> type);
}
