package org.hoptrace.provider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.web.ConsoleClient;

/** HTTP calls to the provider API as a given user (HTTP Basic, password hoptrace), answers parsed as JSON. */
final class ApiClient {

    private static final AtomicInteger NAMES = new AtomicInteger();

    record Answer(int status, HttpHeaders headers, String body, JsonNode json) {

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }

    private final String baseUrl;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    ApiClient(int port, ObjectMapper json) {
        this.baseUrl = "http://localhost:" + port;
        this.json = json;
    }

    /** A filer id no other test uses: 10 digits (the demo providers have 6). */
    static String filerId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 10_000_000_000L));
    }

    /** A legal name no other test uses. */
    static String name(String prefix) {
        return prefix + " " + NAMES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + " LLC";
    }

    Answer get(String path, String user) {
        return send(request(path, user).GET());
    }

    Answer post(String path, String user, Object body) {
        return send(request(path, user).header("Content-Type", "application/json").POST(publisher(body)));
    }

    Answer put(String path, String user, Object body) {
        return send(request(path, user).header("Content-Type", "application/json").PUT(publisher(body)));
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

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json");
        return user == null ? request : request.header("Authorization", ConsoleClient.basic(user, "hoptrace"));
    }

    private HttpRequest.BodyPublisher publisher(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Answer send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode node = body.isEmpty() || !response.headers().firstValue("Content-Type").orElse("").contains("json")
                    ? null : json.readTree(body);
            return new Answer(response.statusCode(), response.headers(), body, node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
