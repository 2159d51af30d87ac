package org.hoptrace.portal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.hoptrace.web.ConsoleClient;

/** A browser without JavaScript on the provider portal: keeps cookies, posts multipart forms, does not follow redirects. */
final class PortalBrowser {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    PortalBrowser(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", HTML).GET());
    }

    HttpResponse<String> getJson(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json").GET());
    }

    /** Posts the form as the browser does: multipart, to the form's address. */
    HttpResponse<String> post(String path, Multipart form) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", HTML)
                .header("Content-Type", form.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())));
    }

    HttpResponse<String> logIn(String user, String password) {
        String csrf = ConsoleClient.csrfTokenOf(get("/login").body());
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).header("Accept", HTML)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user) + "&password=" + encode(password)
                        + "&_csrf=" + encode(csrf))));
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
}
