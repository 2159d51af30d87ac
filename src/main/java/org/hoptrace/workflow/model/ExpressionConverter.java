package org.hoptrace.workflow.model;

import org.hoptrace.workflow.feel.Feel;
import org.w3c.dom.Element;

/** Conditions, script tasks and timers: FEEL rewritten into calls on {@code hoptraceFeel}. */
final class ExpressionConverter {

    private final Conversion conversion;

    ExpressionConverter(Conversion conversion) {
        this.conversion = conversion;
    }

    /** A sequence-flow condition or a multi-instance completion condition. */
    void condition(Element expression) {
        String text = Xml.text(expression);
        if (!Feel.isExpression(text)) {
            conversion.reject((Element) expression.getParentNode(),
                    "condition '" + text + "' is not a FEEL expression (=...)");
            return;
        }
        expression.setTextContent(FeelCall.of("condition", text));
    }

    void script(Element task) {
        Element script = conversion.take(task, "script");
        if (script == null) {
            conversion.reject(task, "script task has no zeebe:script (only FEEL scripts are supported)");
            return;
        }
        String expression = script.getAttribute("expression");
        if (!Feel.isExpression(expression)) {
            conversion.reject(task, "script '" + expression + "' is not a FEEL expression (=...)");
            return;
        }
        task.setAttribute("scriptFormat", "juel");
        Element body = task.getOwnerDocument().createElementNS(Xml.BPMN, Xml.prefixed(task, "script"));
        body.setTextContent(FeelCall.of("value", expression));
        task.appendChild(body);
        String resultVariable = script.getAttribute("resultVariable");
        if (!resultVariable.isBlank()) {
            Xml.setOperaton(task, "resultVariable", resultVariable);
        }
    }

    /** timeDuration, timeDate or timeCycle of a timer event definition. */
    void timer(Element definition) {
        for (Element value : Xml.children(definition, Xml.BPMN, Xml.ANY)) {
            String text = Xml.text(value);
            if (!Feel.isExpression(text)) {
                continue;
            }
            if (isProcessStart((Element) definition.getParentNode())) {
                conversion.reject(definition, "a FEEL timer on a process start event has no variables to "
                        + "evaluate against; use a literal ISO-8601 value");
                return;
            }
            value.setTextContent(FeelCall.of("timer", text));
        }
    }

    static boolean isProcessStart(Element event) {
        return "startEvent".equals(event.getLocalName()) && event.getParentNode() instanceof Element scope
                && "process".equals(scope.getLocalName());
    }
}
