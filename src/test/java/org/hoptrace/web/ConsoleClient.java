package org.hoptrace.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.identity.User;

/** A cookie-keeping HTTP client for tests, like a browser without JavaScript; it does not follow redirects. */
public final class ConsoleClient {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";
    private static final AtomicInteger USERS = new AtomicInteger();

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http;

    public ConsoleClient(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", BROWSER_ACCEPT).GET().build());
    }

    public HttpResponse<String> get(String path, String user, String password) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, password)).GET().build());
    }

    /** An empty POST to the API with HTTP Basic ({@code user} / {@code hoptrace}), accepting JSON. */
    public HttpResponse<String> postFromApi(String path, String user) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, "hoptrace"))
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Posts the login form the way a browser does: first the page (session and CSRF token), then the form. */
    public HttpResponse<String> logIn(String user, String password) {
        String token = csrfTokenOf(get("/login").body());
        return postForm("/login", "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(token));
    }

    public HttpResponse<String> postForm(String path, String form) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", BROWSER_ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** Posts a form with one file, as a browser does ({@code multipart/form-data}); {@code fields} may hold the CSRF token. */
    public HttpResponse<String> postFile(String path, java.util.Map<String, String> fields, String fileField,
                                         String fileName, byte[] content) {
        String boundary = "----HoptraceFormBoundary" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", BROWSER_ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /**
     * A new user with password {@code hoptrace}, for tests that type wrong passwords: Operaton delays
     * further logins of a user after a failed one, which would break other tests using the demo users.
     */
    public static String newUser(IdentityService identities) {
        String id = "tester" + USERS.incrementAndGet();
        User user = identities.newUser(id);
        user.setPassword("hoptrace");
        identities.saveUser(user);
        return id;
    }

    /** A JSON post from one of Operaton's webapps, carrying the CSRF token Operaton handed out in {@code X-XSRF-TOKEN}. */
    public HttpResponse<String> postFromOperatonWebapp(String path, String json) {
        String token = get("/operaton/app/tasklist/default/").headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public static String csrfTokenOf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("No CSRF token in page:\n" + html);
        }
        return matcher.group(1);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
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
