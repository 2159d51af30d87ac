package org.hoptrace.workflow.model;

import java.util.Map;
import java.util.Set;

import org.w3c.dom.Element;

/** Which BPMN elements the embedded engine runs, and why the others are rejected. */
final class SubsetRules {

    private static final Set<String> SUPPORTED = Set.of(
            "definitions", "process", "collaboration", "participant", "messageFlow", "laneSet", "lane",
            "flowNodeRef", "childLaneSet", "documentation", "extensionElements", "textAnnotation", "text",
            "association", "group", "category", "categoryValue", "incoming", "outgoing", "sequenceFlow",
            "conditionExpression", "startEvent", "endEvent", "intermediateCatchEvent",
            "intermediateThrowEvent", "boundaryEvent", "serviceTask", "sendTask", "businessRuleTask",
            "userTask", "scriptTask", "receiveTask", "manualTask", "task", "callActivity", "subProcess",
            "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "message",
            "error", "escalation", "timerEventDefinition", "timeDuration", "timeDate", "timeCycle",
            "messageEventDefinition", "errorEventDefinition", "escalationEventDefinition",
            "terminateEventDefinition", "multiInstanceLoopCharacteristics", "completionCondition",
            "dataObject", "dataObjectReference", "dataStoreReference", "dataStore",
            "dataInputAssociation", "dataOutputAssociation", "sourceRef", "targetRef", "property");

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("signal", "signals are not supported"),
            Map.entry("signalEventDefinition", "signal events are not supported"),
            Map.entry("compensateEventDefinition", "compensation is not supported"),
            Map.entry("linkEventDefinition", "link events are not supported"),
            Map.entry("conditionalEventDefinition", "conditional events are not supported"),
            Map.entry("complexGateway", "complex gateways are not supported"),
            Map.entry("transaction", "transaction subprocesses are not supported"),
            Map.entry("adHocSubProcess", "ad-hoc subprocesses are not supported"),
            Map.entry("standardLoopCharacteristics", "standard loops are not supported"),
            Map.entry("loopCardinality", "loop cardinality is not supported, use an input collection"));

    /** Event definitions allowed per event kind. */
    private static final Map<String, Set<String>> EVENTS = Map.of(
            "startEvent", Set.of("timerEventDefinition", "messageEventDefinition",
                    "errorEventDefinition", "escalationEventDefinition"),
            "endEvent", Set.of("errorEventDefinition", "escalationEventDefinition", "terminateEventDefinition"),
            "intermediateCatchEvent", Set.of("timerEventDefinition", "messageEventDefinition"),
            "intermediateThrowEvent", Set.of("escalationEventDefinition"),
            "boundaryEvent", Set.of("timerEventDefinition", "messageEventDefinition",
                    "errorEventDefinition", "escalationEventDefinition"));

    private SubsetRules() {
    }

    /** Why the BPMN element is outside the subset, or null when it is supported there. */
    static String rejection(Element element) {
        String name = element.getLocalName();
        if (REASONS.containsKey(name)) {
            return REASONS.get(name);
        }
        if (!SUPPORTED.contains(name)) {
            return "BPMN element " + name + " is not supported";
        }
        if (name.endsWith("EventDefinition") && element.getParentNode() instanceof Element event) {
            Set<String> allowed = EVENTS.getOrDefault(event.getLocalName(), Set.of());
            if (!allowed.contains(name)) {
                return eventDescription(name) + "s are not supported on " + event.getLocalName() + " elements";
            }
        }
        if ("subProcess".equals(name) && "true".equals(element.getAttribute("triggeredByEvent"))
                && !Xml.children(element, Xml.BPMN, "multiInstanceLoopCharacteristics").isEmpty()) {
            return "a multi-instance event subprocess is not supported";
        }
        return null;
    }

    private static String eventDescription(String definition) {
        return definition.replace("EventDefinition", "") + " event";
    }
}
