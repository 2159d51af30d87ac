package org.hoptrace.workflow.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.hoptrace.workflow.ModelResource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Namespace-aware DOM helpers shared by the model converters and the model check. */
final class Xml {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";
    static final String OPERATON = "http://operaton.org/schema/1.0/bpmn";
    static final String ANY = "*";

    private Xml() {
    }

    static Document parse(ModelResource resource) throws MalformedModelException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(resource.content()));
        } catch (SAXParseException e) {
            throw new MalformedModelException(e.getLineNumber(), e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new MalformedModelException(1, e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser misconfigured", e);
        }
    }

    static String serialize(Document document) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialize converted model", e);
        }
    }

    /** A snapshot of all descendants of {@code root} in a namespace, document order. */
    static List<Element> descendants(Node root, String namespace) {
        NodeList nodes = root instanceof Document document
                ? document.getElementsByTagNameNS(namespace, ANY)
                : ((Element) root).getElementsByTagNameNS(namespace, ANY);
        List<Element> elements = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** Direct children in a namespace with a local name ({@link #ANY} for all). */
    static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && namespace.equals(child.getNamespaceURI())
                    && (ANY.equals(localName) || localName.equals(child.getLocalName()))) {
                children.add(child);
            }
        }
        return children;
    }

    static Element child(Element parent, String namespace, String localName) {
        List<Element> children = children(parent, namespace, localName);
        return children.isEmpty() ? null : children.get(0);
    }

    static boolean is(Node node, String namespace, String localName) {
        return node instanceof Element element && namespace.equals(element.getNamespaceURI())
                && localName.equals(element.getLocalName());
    }

    /** The attribute value, or null when absent (DOM returns "" for both). */
    static String attr(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    /** The id of the element or its nearest ancestor with one. */
    static String idOf(Element element) {
        for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
            if (current.hasAttribute("id")) {
                return current.getAttribute("id");
            }
        }
        return element.getLocalName();
    }

    static Element extensionElements(Element element) {
        Element extensions = child(element, BPMN, "extensionElements");
        if (extensions == null) {
            extensions = element.getOwnerDocument().createElementNS(BPMN, prefixed(element, "extensionElements"));
            element.insertBefore(extensions, element.getFirstChild());
        }
        return extensions;
    }

    /** Creates {@code operaton:localName} and appends it to the parent. */
    static Element addOperaton(Element parent, String localName) {
        Element created = parent.getOwnerDocument().createElementNS(OPERATON, "operaton:" + localName);
        parent.appendChild(created);
        return created;
    }

    static void setOperaton(Element element, String name, String value) {
        element.setAttributeNS(OPERATON, "operaton:" + name, value);
    }

    /** Removes an element together with the indentation before it. */
    static void remove(Element element) {
        Node before = element.getPreviousSibling();
        if (before != null && before.getNodeType() == Node.TEXT_NODE && before.getTextContent().isBlank()) {
            element.getParentNode().removeChild(before);
        }
        element.getParentNode().removeChild(element);
    }

    static String text(Element element) {
        return element.getTextContent() == null ? "" : element.getTextContent().trim();
    }

    /** A qualified name for a new element with the prefix its sibling uses. */
    static String prefixed(Element sibling, String localName) {
        return sibling.getPrefix() == null ? localName : sibling.getPrefix() + ":" + localName;
    }
}
