package org.hoptrace.workflow;

/** A started process instance. */
public record ProcessInstance(String processInstanceKey, String processId, int version) {
}
