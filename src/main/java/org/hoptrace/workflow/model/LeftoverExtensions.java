package org.hoptrace.workflow.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * The last pass: every zeebe extension the converters did not take is reported, never dropped.
 * Only Modeler's element-template markers, which have no runtime meaning, are removed.
 */
final class LeftoverExtensions {

    private static final Map<String, String> REASONS = Map.of(
            "executionListeners", "execution listeners are not supported",
            "taskListeners", "task listeners are not supported",
            "properties", "zeebe:properties are not supported",
            "linkedResources", "linked resources are not supported",
            "userTaskForm", "embedded forms (zeebe:userTaskForm) are not supported, link a form with formId");

    private final Conversion conversion;

    LeftoverExtensions(Conversion conversion) {
        this.conversion = conversion;
    }

    void report() {
        for (Element element : Xml.descendants(conversion.document, Xml.ZEEBE)) {
            if (element.getParentNode() instanceof Element parent && Xml.ZEEBE.equals(parent.getNamespaceURI())) {
                continue;
            }
            Element owner = ownerOf(element);
            conversion.reject(owner, REASONS.getOrDefault(element.getLocalName(),
                    "Camunda 8 extension zeebe:" + element.getLocalName() + " is not supported on a "
                            + owner.getLocalName()));
        }
        for (Element element : Xml.descendants(conversion.document, Xml.BPMN)) {
            attributes(element);
            Element extensions = Xml.child(element, Xml.BPMN, "extensionElements");
            if (extensions != null && !hasAnyElement(extensions)) {
                Xml.remove(extensions);
            }
        }
    }

    private void attributes(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        List<Attr> zeebe = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (Xml.ZEEBE.equals(attribute.getNamespaceURI())) {
                zeebe.add(attribute);
            }
        }
        for (Attr attribute : zeebe) {
            if (attribute.getLocalName().startsWith("modelerTemplate")) {
                element.removeAttributeNode(attribute);
            } else {
                conversion.reject(element, "Camunda 8 attribute zeebe:" + attribute.getLocalName() + " is not supported");
            }
        }
    }

    private static Element ownerOf(Element extension) {
        Element parent = (Element) extension.getParentNode();
        return Xml.is(parent, Xml.BPMN, "extensionElements") ? (Element) parent.getParentNode() : parent;
    }

    private static boolean hasAnyElement(Element element) {
        for (var node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element) {
                return true;
            }
        }
        return false;
    }
}
