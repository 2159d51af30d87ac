package org.hoptrace.legal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hoptrace.web.ConsoleClient;

/**
 * HTTP for agency tests: a browser without JavaScript on the portal (cookies, CSRF, no redirects followed),
 * or an API client with a Bearer token. Multipart bodies are built with {@link Form}.
 */
final class AgencyClient {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String bearer;

    AgencyClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    AgencyClient withToken(String token) {
        this.bearer = token;
        return this;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).header("Accept", bearer == null ? HTML : "application/json").GET());
    }

    HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Logs in on the portal's login page; the answer is the redirect (to /agency, or back to the login page). */
    HttpResponse<String> logIn(String email, String password, String code) {
        return postForm("/agency/login", Map.of("email", email, "password", password, "code", code));
    }

    /** A form as a browser posts it, with the CSRF token of the page at {@code csrfPage} (the login page by default). */
    HttpResponse<String> postForm(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf());
        String body = all.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Accept", HTML).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A multipart form (portal: with the CSRF token added; API: as is). */
    HttpResponse<String> postMultipart(String path, Form form) {
        if (bearer == null) {
            form.field("_csrf", csrf());
        }
        return send(request(path).header("Accept", bearer == null ? HTML : "application/json")
                .header("Content-Type", form.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())));
    }

    HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Accept", "application/json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private String csrf() {
        return ConsoleClient.csrfTokenOf(get("/agency/login").body());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A multipart/form-data body. */
    static final class Form {

        private final String boundary = "----hoptrace-agency-" + UUID.randomUUID();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        Form field(String name, String value) {
            return part("form-data; name=\"" + name + "\"", null, value.getBytes(StandardCharsets.UTF_8));
        }

        Form json(String name, String json) {
            return part("form-data; name=\"" + name + "\"", "application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        Form file(String name, String filename, byte[] content) {
            return part("form-data; name=\"" + name + "\"; filename=\"" + filename + "\"", "application/octet-stream", content);
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

        private Form part(String disposition, String contentType, byte[] content) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\nContent-Disposition: ")
                    .append(disposition).append("\r\n");
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            body.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            return this;
        }
    }
}
