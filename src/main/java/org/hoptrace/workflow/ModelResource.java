package org.hoptrace.workflow;

import java.nio.charset.StandardCharsets;

/** One model file (BPMN, DMN or form) by its file name and content. */
public record ModelResource(String name, byte[] content) {

    public static ModelResource of(String name, String content) {
        return new ModelResource(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    public boolean isBpmn() {
        return name.endsWith(".bpmn");
    }

    public boolean isDmn() {
        return name.endsWith(".dmn");
    }

    public boolean isForm() {
        return name.endsWith(".form");
    }
}
