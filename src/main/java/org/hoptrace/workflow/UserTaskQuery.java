package org.hoptrace.workflow;

/** Filters for open user tasks; null means "any". */
public record UserTaskQuery(String processInstanceKey, String candidateGroup, String assignee, int maxResults) {

    public static UserTaskQuery all() {
        return new UserTaskQuery(null, null, null, 100);
    }

    public static UserTaskQuery forProcessInstance(String processInstanceKey) {
        return new UserTaskQuery(processInstanceKey, null, null, 100);
    }
}
