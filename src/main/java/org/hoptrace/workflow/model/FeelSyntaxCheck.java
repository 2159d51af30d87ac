package org.hoptrace.workflow.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hoptrace.workflow.feel.Feel;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** Every FEEL expression of a BPMN file ({@code =...} attribute values and texts) must parse. */
final class FeelSyntaxCheck {

    private static final Set<String> PROSE = Set.of("documentation", "text");

    private final Feel feel;

    FeelSyntaxCheck(Feel feel) {
        this.feel = feel;
    }

    List<ModelProblem> check(String file, Document document) {
        List<ModelProblem> problems = new ArrayList<>();
        for (Element element : Xml.descendants(document, Xml.ANY)) {
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                check(file, element, attribute.getName(), attribute.getValue(), problems);
            }
            if (!PROSE.contains(element.getLocalName()) && hasOnlyText(element)) {
                check(file, element, element.getLocalName(), element.getTextContent(), problems);
            }
        }
        return problems;
    }

    private void check(String file, Element element, String where, String value, List<ModelProblem> problems) {
        if (!Feel.isExpression(value)) {
            return;
        }
        Optional<String> error = feel.parseError(Feel.stripMarker(value));
        error.ifPresent(message -> problems.add(new ModelProblem(file, Xml.idOf(element),
                "FEEL expression in " + where + " does not parse: '" + value.trim() + "': " + message)));
    }

    private static boolean hasOnlyText(Element element) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element) {
                return false;
            }
        }
        return element.getFirstChild() != null;
    }
}
