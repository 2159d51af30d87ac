package org.hoptrace.workflow.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.hoptrace.workflow.feel.Feel;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a BPMN file refers to outside itself must exist: a worker for each job type, the linked
 * forms and the called processes. Decisions are checked by the converter.
 */
final class ReferenceCheck {

    private final Set<String> jobTypes;
    private final Set<String> formIds;
    private final Set<String> processIds;

    /** @param jobTypes the job types with a registered worker, or null to skip that check */
    ReferenceCheck(Set<String> jobTypes, Set<String> formIds, Set<String> processIds) {
        this.jobTypes = jobTypes;
        this.formIds = formIds;
        this.processIds = processIds;
    }

    List<ModelProblem> check(String file, Document document) {
        List<ModelProblem> problems = new ArrayList<>();
        for (Element element : Xml.descendants(document, Xml.ZEEBE)) {
            String owner = ownerId(element);
            String problem = switch (element.getLocalName()) {
                case "taskDefinition" -> missing("no worker is registered for job type", element.getAttribute("type"),
                        jobTypes);
                case "formDefinition" -> missing("no form has the id", element.getAttribute("formId"), formIds);
                case "calledElement" -> missing("no BPMN file defines the process", element.getAttribute("processId"),
                        processIds);
                default -> null;
            };
            if (problem != null) {
                problems.add(new ModelProblem(file, owner, problem));
            }
        }
        return problems;
    }

    private static String missing(String what, String reference, Set<String> known) {
        if (known == null || reference.isBlank() || Feel.isExpression(reference) || known.contains(reference)) {
            return null;
        }
        return what + " '" + reference + "'";
    }

    private static String ownerId(Element extension) {
        Element parent = (Element) extension.getParentNode();
        return Xml.idOf(Xml.is(parent, Xml.BPMN, "extensionElements") ? (Element) parent.getParentNode() : parent);
    }
}
