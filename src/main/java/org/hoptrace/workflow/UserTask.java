package org.hoptrace.workflow;

import java.time.Instant;
import java.util.List;

/** An open user task, as the console lists it, with a deep link into the engine's tasklist. */
public record UserTask(String taskKey, String name, String elementId, String processInstanceKey,
                       String processId, String assignee, List<String> candidateGroups,
                       String formId, Instant created, Instant due, String tasklistUrl) {
}
