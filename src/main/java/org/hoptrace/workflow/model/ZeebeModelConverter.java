package org.hoptrace.workflow.model;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.hoptrace.workflow.ModelResource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Rewrites a Camunda 8 (Zeebe) BPMN file into Operaton's dialect, or lists why it cannot run
 * embedded. Diagram interchange (BPMNDI) is left untouched. See {@code docs/camunda8-subset.md}.
 */
public final class ZeebeModelConverter {

    /** The bean converted models call to evaluate FEEL on the embedded engine. */
    public static final String FEEL_BEAN = "hoptraceFeel";


    private final Map<String, DecisionShape> decisions;

    /** @param decisions the decisions of the same deployment, by decision id */
    public ZeebeModelConverter(Map<String, DecisionShape> decisions) {
        this.decisions = Map.copyOf(decisions);
    }

    public ModelConversion convert(ModelResource bpmn) {
        Document document;
        try {
            document = Xml.parse(bpmn);
        } catch (MalformedModelException e) {
            return ModelConversion.failed(List.of(e.toProblem(bpmn.name())));
        }
        Conversion conversion = new Conversion(bpmn.name(), document, decisions);
        convert(conversion);
        if (!conversion.problems().isEmpty()) {
            return ModelConversion.failed(conversion.problems());
        }
        return ModelConversion.of(new ModelResource(bpmn.name(),
                Xml.serialize(document).getBytes(StandardCharsets.UTF_8)));
    }

    private static void convert(Conversion conversion) {
        Element root = conversion.document.getDocumentElement();
        if (!Xml.is(root, Xml.BPMN, "definitions")) {
            conversion.reject(root, "not a BPMN 2.0 definitions document");
            return;
        }
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:operaton", Xml.OPERATON);
        ElementConverters converters = new ElementConverters(conversion);
        for (Element element : Xml.descendants(conversion.document, Xml.BPMN)) {
            String rejection = SubsetRules.rejection(element);
            if (rejection != null) {
                conversion.reject(reportedElement(element), rejection);
            } else {
                converters.convert(element);
            }
        }
        new MessageConverter(conversion).convertAll();
        new LeftoverExtensions(conversion).report();
    }

    /** An event definition is reported by the event that holds it, the element a designer sees. */
    private static Element reportedElement(Element element) {
        if (element.getLocalName().endsWith("EventDefinition") && element.getParentNode() instanceof Element event) {
            return event;
        }
        return element;
    }
}
