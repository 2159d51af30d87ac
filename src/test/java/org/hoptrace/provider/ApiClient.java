package org.hoptrace.provider;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.web.JsonApiClient;

/** HTTP calls to the provider API as a given user: JSON, CSV and file uploads. */
final class ApiClient extends JsonApiClient {

    private static final AtomicInteger NAMES = new AtomicInteger();

    ApiClient(int port, ObjectMapper json) {
        super(port, json);
    }

    /** A filer id no other test uses: 10 digits (the demo providers have 6). */
    static String filerId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 10_000_000_000L));
    }

    /** A legal name no other test uses. */
    static String name(String prefix) {
        return prefix + " " + NAMES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + " LLC";
    }

    Answer postCsv(String path, String user, String csv) {
        return send(request(path, user).header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
    }

    Answer postFile(String path, String user, String fileName, byte[] content) {
        String boundary = "----hoptrace" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(request(path, user).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

}
