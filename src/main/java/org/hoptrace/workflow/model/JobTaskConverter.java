package org.hoptrace.workflow.model;

import org.w3c.dom.Element;

/**
 * Service, send and job-based business rule tasks: {@code zeebe:taskDefinition} becomes an
 * Operaton external task whose topic is the job type; task headers, retries and the
 * local-result flag travel as {@code operaton:properties}.
 */
final class JobTaskConverter {

    static final String RETRIES = "hoptrace:retries";
    static final String LOCAL_RESULT = "hoptrace:localResult";
    private static final String DEFAULT_RETRIES = "3";

    private final Conversion conversion;

    JobTaskConverter(Conversion conversion) {
        this.conversion = conversion;
    }

    void convert(Element task) {
        boolean localResult = hasOutputs(task);
        Element definition = conversion.take(task, "taskDefinition");
        if (definition == null) {
            conversion.reject(task, task.getLocalName() + " has no zeebe:taskDefinition (job type)");
            return;
        }
        String type = conversion.literalOnly(task, definition.getAttribute("type"), "job type");
        String retries = Xml.attr(definition, "retries") == null ? DEFAULT_RETRIES : definition.getAttribute("retries");
        if (type == null || conversion.literalOnly(task, retries, "job retries") == null) {
            return;
        }
        if (type.isBlank()) {
            conversion.reject(task, "job type is empty");
            return;
        }
        if (!retries.trim().matches("\\d+")) {
            conversion.reject(task, "job retries '" + retries + "' is not a whole number");
            return;
        }
        Xml.setOperaton(task, "type", "external");
        Xml.setOperaton(task, "topic", type);
        Element properties = Xml.addOperaton(Xml.extensionElements(task), "properties");
        Element headers = conversion.take(task, "taskHeaders");
        if (headers != null) {
            for (Element header : Xml.children(headers, Xml.ZEEBE, "header")) {
                property(properties, header.getAttribute("key"), header.getAttribute("value"));
            }
        }
        property(properties, RETRIES, retries.trim());
        if (localResult) {
            property(properties, LOCAL_RESULT, "true");
        }
    }

    static boolean hasOutputs(Element element) {
        Element extensions = Xml.child(element, Xml.BPMN, "extensionElements");
        Element mapping = extensions == null ? null : Xml.child(extensions, Xml.ZEEBE, "ioMapping");
        return mapping != null && !Xml.children(mapping, Xml.ZEEBE, "output").isEmpty();
    }

    private static void property(Element properties, String name, String value) {
        Element property = Xml.addOperaton(properties, "property");
        property.setAttribute("name", name);
        property.setAttribute("value", value);
    }
}
