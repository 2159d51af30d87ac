package org.hoptrace.portal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body as a browser or curl sends it. */
final class Multipart {

    private final String boundary = "----hoptrace-test-" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    /** A plain form field (no file name). */
    Multipart field(String name, String value) {
        return part("form-data; name=\"" + name + "\"", null, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A field with its own content type, e.g. the JSON answer ({@code curl -F 'answer=...;type=application/json'}). */
    Multipart field(String name, String contentType, String value) {
        return part("form-data; name=\"" + name + "\"", contentType, value.getBytes(StandardCharsets.UTF_8));
    }

    Multipart file(String name, String filename, String contentType, byte[] content) {
        return part("form-data; name=\"" + name + "\"; filename=\"" + filename + "\"", contentType, content);
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    byte[] bytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(body.toByteArray());
        all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return all.toByteArray();
    }

    private Multipart part(String disposition, String contentType, byte[] content) {
        StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                .append("Content-Disposition: ").append(disposition).append("\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        head.append("\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }
}
