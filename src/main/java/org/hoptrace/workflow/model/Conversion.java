package org.hoptrace.workflow.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hoptrace.workflow.feel.Feel;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The state of converting one BPMN file: its DOM, the decisions of the deployment and the
 * problems found so far. Converters take the zeebe extensions they handle out of the DOM, so
 * whatever is left at the end was not understood and is reported.
 */
final class Conversion {

    final String file;
    final Document document;
    final Map<String, DecisionShape> decisions;
    private final List<ModelProblem> problems = new ArrayList<>();

    Conversion(String file, Document document, Map<String, DecisionShape> decisions) {
        this.file = file;
        this.document = document;
        this.decisions = decisions;
    }

    void reject(Element element, String reason) {
        problems.add(new ModelProblem(file, Xml.idOf(element), reason));
    }

    List<ModelProblem> problems() {
        return List.copyOf(problems);
    }

    /** The element's zeebe extension with that local name, removed from the DOM, or null. */
    Element take(Element element, String zeebeName) {
        Element extensions = Xml.child(element, Xml.BPMN, "extensionElements");
        Element found = extensions == null ? null : Xml.child(extensions, Xml.ZEEBE, zeebeName);
        if (found != null) {
            Xml.remove(found);
        }
        return found;
    }

    boolean has(Element element, String zeebeName) {
        Element extensions = Xml.child(element, Xml.BPMN, "extensionElements");
        return extensions != null && Xml.child(extensions, Xml.ZEEBE, zeebeName) != null;
    }

    /**
     * A literal attribute value, or null after reporting a problem when it is a FEEL expression
     * the embedded engine cannot evaluate at that place.
     */
    String literalOnly(Element element, String value, String what) {
        if (Feel.isExpression(value)) {
            reject(element, what + " must be a literal, not the FEEL expression '" + value + "'");
            return null;
        }
        return value;
    }
}
