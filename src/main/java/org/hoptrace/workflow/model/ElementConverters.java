package org.hoptrace.workflow.model;

import org.w3c.dom.Element;

/** Dispatches each supported BPMN element to the converter of its family. */
final class ElementConverters {

    private final Conversion conversion;
    private final JobTaskConverter jobTasks;
    private final UserTaskConverter userTasks;
    private final CalledDecisionConverter calledDecisions;
    private final ExpressionConverter expressions;
    private final CallActivityConverter callActivities;
    private final MultiInstanceConverter multiInstances;
    private final IoMappingConverter ioMappings;

    ElementConverters(Conversion conversion) {
        this.conversion = conversion;
        this.jobTasks = new JobTaskConverter(conversion);
        this.userTasks = new UserTaskConverter(conversion);
        this.calledDecisions = new CalledDecisionConverter(conversion);
        this.expressions = new ExpressionConverter(conversion);
        this.callActivities = new CallActivityConverter(conversion);
        this.multiInstances = new MultiInstanceConverter(conversion, expressions);
        this.ioMappings = new IoMappingConverter(conversion);
    }

    void convert(Element element) {
        switch (element.getLocalName()) {
            case "process" -> process(element);
            case "serviceTask", "sendTask" -> jobTasks.convert(element);
            case "businessRuleTask" -> businessRule(element);
            case "userTask" -> userTasks.convert(element);
            case "scriptTask" -> expressions.script(element);
            case "callActivity" -> callActivities.convert(element);
            case "conditionExpression" -> expressions.condition(element);
            case "timerEventDefinition" -> expressions.timer(element);
            case "multiInstanceLoopCharacteristics" -> multiInstances.convert(element);
            default -> {
                // no Camunda 8 extension of its own: passes through unchanged
            }
        }
        ioMappings.convert(element);
    }

    private void businessRule(Element task) {
        if (conversion.has(task, "calledDecision")) {
            calledDecisions.convert(task);
        } else {
            jobTasks.convert(task);
        }
    }

    private void process(Element process) {
        if ("false".equals(process.getAttribute("isExecutable"))) {
            conversion.reject(process, "process is not executable (isExecutable=\"false\")");
        }
        Element versionTag = conversion.take(process, "versionTag");
        if (versionTag != null) {
            Xml.setOperaton(process, "versionTag", versionTag.getAttribute("value"));
        }
    }
}
