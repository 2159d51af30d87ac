package org.hoptrace.workflow.model;

import org.hoptrace.workflow.feel.Feel;
import org.w3c.dom.Element;

/**
 * Multi-instance: the FEEL input collection becomes Operaton's collection expression; the output
 * collection is gathered by an end listener on the activity, at each instance's position.
 */
final class MultiInstanceConverter {

    private final Conversion conversion;
    private final ExpressionConverter expressions;

    MultiInstanceConverter(Conversion conversion, ExpressionConverter expressions) {
        this.conversion = conversion;
        this.expressions = expressions;
    }

    void convert(Element loop) {
        Element activity = (Element) loop.getParentNode();
        Element characteristics = conversion.take(loop, "loopCharacteristics");
        if (characteristics == null || characteristics.getAttribute("inputCollection").isBlank()) {
            conversion.reject(activity, "multi-instance has no zeebe:loopCharacteristics inputCollection");
            return;
        }
        String input = characteristics.getAttribute("inputCollection");
        if (!Feel.isExpression(input)) {
            conversion.reject(activity, "inputCollection '" + input + "' is not a FEEL expression (=...)");
            return;
        }
        Xml.setOperaton(loop, "collection", FeelCall.of("list", input));
        String element = characteristics.getAttribute("inputElement");
        if (!element.isBlank()) {
            Xml.setOperaton(loop, "elementVariable", element);
        }
        Element completion = Xml.child(loop, Xml.BPMN, "completionCondition");
        if (completion != null) {
            expressions.condition(completion);
        }
        outputCollection(activity, characteristics);
    }

    private void outputCollection(Element activity, Element characteristics) {
        String collection = characteristics.getAttribute("outputCollection");
        String element = characteristics.getAttribute("outputElement");
        if (collection.isBlank() && element.isBlank()) {
            return;
        }
        if (collection.isBlank() || element.isBlank()) {
            conversion.reject(activity, "outputCollection and outputElement must be given together");
            return;
        }
        if (!Feel.isExpression(element)) {
            conversion.reject(activity, "outputElement '" + element + "' is not a FEEL expression (=...)");
            return;
        }
        Element listener = Xml.addOperaton(Xml.extensionElements(activity), "executionListener");
        listener.setAttribute("event", "end");
        listener.setAttribute("expression", FeelCall.call("collectOutput", collection, Feel.stripMarker(element)));
    }
}
