package org.hoptrace.workflow.model;

import org.w3c.dom.Element;

/**
 * Call activities: the called process id, and variable propagation as Camunda 8 does it
 * (all parent variables in, all child variables out unless output mappings select them).
 */
final class CallActivityConverter {

    private final Conversion conversion;

    CallActivityConverter(Conversion conversion) {
        this.conversion = conversion;
    }

    void convert(Element activity) {
        boolean outputs = JobTaskConverter.hasOutputs(activity);
        Element called = conversion.take(activity, "calledElement");
        if (called == null || called.getAttribute("processId").isBlank()) {
            conversion.reject(activity, "call activity has no zeebe:calledElement processId");
            return;
        }
        activity.setAttribute("calledElement", FeelCall.orLiteral("text", called.getAttribute("processId")));
        Element extensions = Xml.extensionElements(activity);
        Element in = Xml.addOperaton(extensions, "in");
        in.setAttribute("variables", "all");
        if ("false".equals(called.getAttribute("propagateAllParentVariables"))) {
            in.setAttribute("local", "true");
        }
        String propagateChild = Xml.attr(called, "propagateAllChildVariables");
        boolean allChildVariables = propagateChild == null ? !outputs : Boolean.parseBoolean(propagateChild);
        if (allChildVariables || outputs) {
            Element out = Xml.addOperaton(extensions, "out");
            out.setAttribute("variables", "all");
            if (!allChildVariables) {
                out.setAttribute("local", "true");
            }
        }
    }
}
