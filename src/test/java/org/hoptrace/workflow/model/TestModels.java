package org.hoptrace.workflow.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.hoptrace.workflow.ModelResource;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Test models from src/test/resources/models and XPath over converted XML. */
final class TestModels {

    private static final Map<String, String> NAMESPACES = Map.of(
            "bpmn", Xml.BPMN, "operaton", Xml.OPERATON, "zeebe", Xml.ZEEBE, "dmn", DecisionShape.DMN13,
            "bpmndi", "http://www.omg.org/spec/BPMN/20100524/DI", "di", "http://www.omg.org/spec/DD/20100524/DI");

    private TestModels() {
    }

    static ModelResource load(String name) {
        try (InputStream in = TestModels.class.getResourceAsStream("/models/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test model " + name);
            }
            return new ModelResource(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, DecisionShape> decisions(String... dmnFiles) {
        return DecisionShape.readAll(Arrays.stream(dmnFiles).map(TestModels::load).toList());
    }

    /** Converts a test BPMN file that must convert, with the given DMN files in its deployment. */
    static String convert(String bpmn, String... dmnFiles) {
        ModelConversion conversion = new ZeebeModelConverter(decisions(dmnFiles)).convert(load(bpmn));
        if (!conversion.succeeded()) {
            throw new AssertionError("conversion of " + bpmn + " failed: " + conversion.problems());
        }
        return conversion.resource().text();
    }

    static List<ModelProblem> problems(String bpmn, String... dmnFiles) {
        return new ZeebeModelConverter(decisions(dmnFiles)).convert(load(bpmn)).problems();
    }

    static String xpath(String xml, String expression) {
        try {
            var xpath = XPathFactory.newInstance().newXPath();
            xpath.setNamespaceContext(context());
            return xpath.evaluate(expression, parse(xml));
        } catch (Exception e) {
            throw new AssertionError("cannot evaluate " + expression, e);
        }
    }

    static int count(String xml, String expression) {
        try {
            var xpath = XPathFactory.newInstance().newXPath();
            xpath.setNamespaceContext(context());
            return ((NodeList) xpath.evaluate(expression, parse(xml), XPathConstants.NODESET)).getLength();
        } catch (Exception e) {
            throw new AssertionError("cannot evaluate " + expression, e);
        }
    }

    /** The BPMNDiagram element of a BPMN file, without ignorable whitespace differences. */
    static Node diagram(String xml) {
        try {
            Document document = parse(xml);
            document.normalizeDocument();
            return document.getElementsByTagNameNS("http://www.omg.org/spec/BPMN/20100524/DI", "BPMNDiagram").item(0);
        } catch (Exception e) {
            throw new AssertionError("cannot parse " + xml, e);
        }
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes("UTF-8")));
    }

    private static NamespaceContext context() {
        return new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return NAMESPACES.get(prefix);
            }

            @Override
            public String getPrefix(String namespaceURI) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String namespaceURI) {
                return null;
            }
        };
    }
}
