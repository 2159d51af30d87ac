package org.hoptrace.workflow.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hoptrace.workflow.feel.Feel;
import org.w3c.dom.Element;

/**
 * Messages: a catch subscribes to {@code name::correlationKey}, the name Hoptrace's runtime
 * publishes to; a process-level message start event keeps the plain name.
 */
final class MessageConverter {

    static final String KEY_SEPARATOR = "::";

    private final Conversion conversion;

    MessageConverter(Conversion conversion) {
        this.conversion = conversion;
    }

    void convertAll() {
        Map<String, List<Element>> catches = new LinkedHashMap<>();
        Map<String, List<Element>> starts = new LinkedHashMap<>();
        for (Element user : users()) {
            String messageRef = user.getAttribute("messageRef");
            Element event = "receiveTask".equals(user.getLocalName()) ? user : (Element) user.getParentNode();
            (ExpressionConverter.isProcessStart(event) ? starts : catches)
                    .computeIfAbsent(messageRef, ref -> new ArrayList<>()).add(user);
        }
        for (Element message : Xml.descendants(conversion.document, Xml.BPMN)) {
            if ("message".equals(message.getLocalName())) {
                convert(message, catches.getOrDefault(message.getAttribute("id"), List.of()),
                        starts.getOrDefault(message.getAttribute("id"), List.of()));
            }
        }
    }

    private void convert(Element message, List<Element> catches, List<Element> starts) {
        Element subscription = conversion.take(message, "subscription");
        String name = conversion.literalOnly(message, message.getAttribute("name"), "message name");
        if (name == null) {
            return;
        }
        String key = subscription == null ? "" : subscription.getAttribute("correlationKey").trim();
        if (catches.isEmpty()) {
            return;
        }
        if (key.isEmpty() || "=".equals(key)) {
            catches.forEach(user -> conversion.reject(elementOf(user),
                    "message " + name + " has no correlation key"));
            return;
        }
        if (!starts.isEmpty()) {
            Element startMessage = (Element) message.cloneNode(true);
            startMessage.setAttribute("id", message.getAttribute("id") + "_start");
            message.getParentNode().insertBefore(startMessage, message.getNextSibling());
            starts.forEach(user -> user.setAttribute("messageRef", startMessage.getAttribute("id")));
        }
        if (Feel.isExpression(key)) {
            catches.stream().filter(MessageConverter::startsProcessLevelEventSubprocess).forEach(user ->
                    conversion.reject(elementOf(user), "Operaton opens the subscription of a process-level event "
                            + "subprocess before the start variables exist, so correlation key " + key + " would be "
                            + "empty; put the event subprocess inside an embedded subprocess"));
        }
        String keyPart = Feel.isExpression(key) ? FeelCall.of("text", key) : FeelCall.literal(key);
        message.setAttribute("name", name + KEY_SEPARATOR + keyPart);
    }

    private List<Element> users() {
        List<Element> users = new ArrayList<>();
        for (Element element : Xml.descendants(conversion.document, Xml.BPMN)) {
            if (("messageEventDefinition".equals(element.getLocalName()) || "receiveTask".equals(element.getLocalName()))
                    && element.hasAttribute("messageRef")) {
                users.add(element);
            }
        }
        return users;
    }

    private static boolean startsProcessLevelEventSubprocess(Element user) {
        Element event = elementOf(user);
        return "startEvent".equals(event.getLocalName()) && event.getParentNode() instanceof Element subprocess
                && "true".equals(subprocess.getAttribute("triggeredByEvent"))
                && subprocess.getParentNode() instanceof Element scope && "process".equals(scope.getLocalName());
    }

    private static Element elementOf(Element user) {
        return "receiveTask".equals(user.getLocalName()) ? user : (Element) user.getParentNode();
    }
}
