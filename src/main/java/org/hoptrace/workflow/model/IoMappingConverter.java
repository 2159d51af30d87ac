package org.hoptrace.workflow.model;

import java.util.Set;

import org.w3c.dom.Element;

/**
 * {@code zeebe:ioMapping} to {@code operaton:inputOutput}: each source becomes a FEEL call (or
 * a string constant), each target a parameter name.
 */
final class IoMappingConverter {

    private static final Set<String> UNSUPPORTED_ON = Set.of("startEvent", "boundaryEvent");

    private final Conversion conversion;

    IoMappingConverter(Conversion conversion) {
        this.conversion = conversion;
    }

    void convert(Element element) {
        Element mapping = conversion.take(element, "ioMapping");
        if (mapping == null) {
            return;
        }
        if (UNSUPPORTED_ON.contains(element.getLocalName())) {
            conversion.reject(element, "input/output mappings on a " + element.getLocalName()
                    + " are not supported by the embedded engine");
            return;
        }
        if (Xml.child(element, Xml.BPMN, "multiInstanceLoopCharacteristics") != null
                && Xml.child(mapping, Xml.ZEEBE, "output") != null) {
            conversion.reject(element, "output mappings on a multi-instance activity are not supported by the "
                    + "embedded engine; collect results with outputCollection/outputElement");
            return;
        }
        Element inputOutput = Xml.addOperaton(Xml.extensionElements(element), "inputOutput");
        for (Element input : Xml.children(mapping, Xml.ZEEBE, "input")) {
            parameter(element, inputOutput, "inputParameter", input);
        }
        for (Element output : Xml.children(mapping, Xml.ZEEBE, "output")) {
            parameter(element, inputOutput, "outputParameter", output);
        }
    }

    private void parameter(Element element, Element inputOutput, String kind, Element mapping) {
        String target = mapping.getAttribute("target");
        String source = mapping.getAttribute("source");
        if (target.isBlank()) {
            conversion.reject(element, "a mapping has no target");
            return;
        }
        if (target.contains(".")) {
            conversion.reject(element, "mapping target '" + target + "' is a nested path, which is not supported");
            return;
        }
        Element parameter = Xml.addOperaton(inputOutput, kind);
        parameter.setAttribute("name", target);
        parameter.setTextContent(FeelCall.orLiteral("value", source));
    }
}
