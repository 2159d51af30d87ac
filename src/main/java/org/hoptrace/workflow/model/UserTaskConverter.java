package org.hoptrace.workflow.model;

import org.w3c.dom.Element;

/**
 * User tasks: assignment, form and schedule. Literals stay literal; FEEL becomes a call on
 * {@code hoptraceFeel} (text for a person or date, list for candidates).
 */
final class UserTaskConverter {

    private final Conversion conversion;

    UserTaskConverter(Conversion conversion) {
        this.conversion = conversion;
    }

    void convert(Element task) {
        conversion.take(task, "userTask");
        assignment(task, conversion.take(task, "assignmentDefinition"));
        form(task, conversion.take(task, "formDefinition"));
        schedule(task, conversion.take(task, "taskSchedule"));
        priority(task, conversion.take(task, "priorityDefinition"));
    }

    private void priority(Element task, Element definition) {
        if (definition != null) {
            copy(definition, task, "priority", "value");
        }
    }

    private void assignment(Element task, Element definition) {
        if (definition == null) {
            return;
        }
        copy(definition, task, "assignee", "text");
        copy(definition, task, "candidateGroups", "list");
        copy(definition, task, "candidateUsers", "list");
    }

    private void form(Element task, Element definition) {
        if (definition == null) {
            return;
        }
        if (definition.hasAttribute("formKey") || definition.hasAttribute("externalReference")) {
            conversion.reject(task, "only linked Camunda Forms (formId) are supported, not formKey or externalReference");
            return;
        }
        String formId = conversion.literalOnly(task, definition.getAttribute("formId"), "formId");
        if (formId != null && !formId.isBlank()) {
            Xml.setOperaton(task, "formRef", formId);
            Xml.setOperaton(task, "formRefBinding", "latest");
        }
    }

    private void schedule(Element task, Element schedule) {
        if (schedule == null) {
            return;
        }
        copy(schedule, task, "dueDate", "text");
        copy(schedule, task, "followUpDate", "text");
    }

    private static void copy(Element from, Element task, String name, String feelMethod) {
        String value = Xml.attr(from, name);
        if (value != null && !value.isBlank()) {
            Xml.setOperaton(task, name, FeelCall.orLiteral(feelMethod, value));
        }
    }
}
