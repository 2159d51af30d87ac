package org.hoptrace.workflow.model;

import org.w3c.dom.Element;

/** A business rule task calling a DMN decision of the same deployment. */
final class CalledDecisionConverter {

    private final Conversion conversion;

    CalledDecisionConverter(Conversion conversion) {
        this.conversion = conversion;
    }

    void convert(Element task) {
        Element called = conversion.take(task, "calledDecision");
        String decisionId = conversion.literalOnly(task, called.getAttribute("decisionId"), "decisionId");
        if (decisionId == null) {
            return;
        }
        DecisionShape shape = conversion.decisions.get(decisionId);
        if (shape == null) {
            conversion.reject(task, "decision '" + decisionId + "' is not in any DMN file of the deployment");
            return;
        }
        String resultVariable = called.getAttribute("resultVariable");
        if (resultVariable.isBlank()) {
            conversion.reject(task, "calledDecision has no resultVariable");
            return;
        }
        Xml.setOperaton(task, "decisionRef", decisionId);
        Xml.setOperaton(task, "resultVariable", resultVariable);
        Xml.setOperaton(task, "mapDecisionResult", shape.mapDecisionResult());
    }
}
