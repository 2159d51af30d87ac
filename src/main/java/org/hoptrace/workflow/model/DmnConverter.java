package org.hoptrace.workflow.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.hoptrace.workflow.ModelResource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Makes a Camunda 8 DMN file evaluate on Operaton as on Camunda 8. Operaton treats type
 * references it does not know ({@code number}, {@code Any}, {@code time}, durations) as untyped,
 * which is what Camunda 8 does with JSON values, but reads {@code date} as {@code java.util.Date}
 * and rejects the ISO strings Camunda 8 passes: that type reference is removed from inputs.
 * Temporal outputs would become Java objects instead of JSON values, so they are rejected, and so
 * are boxed expressions other than decision tables and literal expressions.
 */
public final class DmnConverter {

    private static final Set<String> TEMPORAL = Set.of("date", "time", "dateTime", "date and time",
            "dayTimeDuration", "yearMonthDuration", "days and time duration", "years and months duration");
    private static final Set<String> EXPRESSIONS = Set.of("decisionTable", "literalExpression");
    private static final Set<String> METADATA = Set.of("description", "extensionElements", "question",
            "allowedAnswers", "variable", "informationRequirement", "knowledgeRequirement",
            "authorityRequirement", "supportedObjective", "impactedPerformanceIndicator",
            "decisionMaker", "decisionOwner", "usingProcess", "usingTask");

    public ModelConversion convert(ModelResource dmn) {
        Document document;
        try {
            document = Xml.parse(dmn);
        } catch (MalformedModelException e) {
            return ModelConversion.failed(List.of(e.toProblem(dmn.name())));
        }
        List<ModelProblem> problems = new ArrayList<>();
        Element root = document.getDocumentElement();
        String namespace = root.getNamespaceURI();
        if (!"definitions".equals(root.getLocalName()) || namespace == null) {
            return ModelConversion.failed(List.of(new ModelProblem(dmn.name(), Xml.idOf(root),
                    "not a DMN definitions document")));
        }
        for (Element element : Xml.descendants(document, namespace)) {
            String problem = problemOf(element);
            if (problem != null) {
                problems.add(new ModelProblem(dmn.name(), Xml.idOf(element), problem));
            } else if ("inputExpression".equals(element.getLocalName()) && "date".equals(element.getAttribute("typeRef"))) {
                element.removeAttribute("typeRef");
            }
        }
        if (!problems.isEmpty()) {
            return ModelConversion.failed(problems);
        }
        return ModelConversion.of(new ModelResource(dmn.name(),
                Xml.serialize(document).getBytes(StandardCharsets.UTF_8)));
    }

    private static String problemOf(Element element) {
        String name = element.getLocalName();
        if ("businessKnowledgeModel".equals(name) || "decisionService".equals(name)) {
            return name + " is not supported by the embedded DMN engine";
        }
        if ("decision".equals(name)) {
            for (Element child : Xml.children(element, element.getNamespaceURI(), Xml.ANY)) {
                if (!EXPRESSIONS.contains(child.getLocalName()) && !METADATA.contains(child.getLocalName())) {
                    return "decision logic " + child.getLocalName()
                            + " is not supported, only decision tables and literal expressions";
                }
            }
        }
        boolean output = "output".equals(name) || "literalExpression".equals(name)
                || "variable".equals(name) && element.getParentNode() instanceof Element parent
                        && "decision".equals(parent.getLocalName());
        if (output && TEMPORAL.contains(element.getAttribute("typeRef"))) {
            return "a decision output of type " + element.getAttribute("typeRef") + " would be stored as a Java "
                    + "object, not a JSON value; output a string instead (e.g. string(date(...)))";
        }
        return null;
    }
}
