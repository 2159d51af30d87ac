package org.hoptrace.workflow.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hoptrace.workflow.ModelResource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a business rule task needs to know about a decision to give Camunda 8's result shape:
 * its hit policy, aggregation and number of outputs.
 */
public record DecisionShape(String hitPolicy, String aggregation, int outputs) {

    static final String DMN13 = "https://www.omg.org/spec/DMN/20191111/MODEL/";

    /** The decisions declared in the given DMN files, by decision id; unparsable files are skipped. */
    public static Map<String, DecisionShape> readAll(List<ModelResource> dmnFiles) {
        Map<String, DecisionShape> shapes = new HashMap<>();
        for (ModelResource dmn : dmnFiles) {
            try {
                shapes.putAll(read(Xml.parse(dmn)));
            } catch (MalformedModelException unparsable) {
                // reported by the DMN conversion and the model check; no decisions to read here
            }
        }
        return shapes;
    }

    static Map<String, DecisionShape> read(Document dmn) {
        Map<String, DecisionShape> shapes = new HashMap<>();
        String namespace = dmn.getDocumentElement().getNamespaceURI();
        for (Element decision : Xml.children(dmn.getDocumentElement(), namespace, "decision")) {
            Element table = Xml.child(decision, namespace, "decisionTable");
            shapes.put(decision.getAttribute("id"), table == null
                    ? new DecisionShape("UNIQUE", null, 1)
                    : new DecisionShape(table.hasAttribute("hitPolicy") ? table.getAttribute("hitPolicy") : "UNIQUE",
                            Xml.attr(table, "aggregation"), Xml.children(table, namespace, "output").size()));
        }
        return shapes;
    }

    /** Operaton's {@code mapDecisionResult} giving the result Camunda 8 would store. */
    String mapDecisionResult() {
        boolean single = switch (hitPolicy) {
            case "COLLECT" -> aggregation != null;
            case "RULE ORDER", "OUTPUT ORDER" -> false;
            default -> true;
        };
        if (single) {
            return outputs == 1 || aggregation != null ? "singleEntry" : "singleResult";
        }
        return outputs == 1 ? "collectEntries" : "resultList";
    }
}
