package org.hoptrace.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** HTTP calls to a JSON API as a given user (HTTP Basic, password hoptrace), answers parsed as JSON. */
public class JsonApiClient {

    public record Answer(int status, HttpHeaders headers, String body, JsonNode json) {

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        /** The fields named in a problem's {@code errors}, in order. */
        public List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            json.path("errors").forEach(error -> fields.add(error.get("field").asText()));
            return fields;
        }
    }

    private final String baseUrl;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    public JsonApiClient(int port, ObjectMapper json) {
        this.baseUrl = "http://localhost:" + port;
        this.json = json;
    }

    public Answer get(String path, String user) {
        return send(request(path, user).GET());
    }

    public Answer post(String path, String user, Object body) {
        return send(request(path, user).header("Content-Type", "application/json").POST(publisher(body)));
    }

    public Answer put(String path, String user, Object body) {
        return send(request(path, user).header("Content-Type", "application/json").PUT(publisher(body)));
    }

    /** A request to {@code path} that accepts JSON, as {@code user} (none: anonymous). */
    protected HttpRequest.Builder request(String path, String user) {
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

    protected Answer send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
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
