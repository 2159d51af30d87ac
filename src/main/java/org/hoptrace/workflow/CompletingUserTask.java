package org.hoptrace.workflow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user task being completed: its process, element and instance, the user completing it (the
 * authenticated user, e.g. in Tasklist, or else the task's assignee; null when neither is known) and
 * the variables as they are with the submitted ones applied.
 */
public record CompletingUserTask(String processId, String elementId, String taskKey, String processInstanceKey,
                                 String user, Map<String, Object> variables) {

    public CompletingUserTask {
        variables = variables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }
}
