package org.hoptrace.portal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import org.hoptrace.provider.Provider;
import org.hoptrace.provider.ProviderRepository;
import org.hoptrace.traceback.TracebackFixtures;
import org.hoptrace.web.ConsoleClient;

/** A provider with API credentials, calling the hop API over real HTTP like an automated provider system. */
final class ProviderApi {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final Provider provider;
    private final String user;
    private final String password;

    private ProviderApi(int port, Provider provider, String user, String password) {
        this.baseUrl = "http://localhost:" + port;
        this.provider = provider;
        this.user = user;
        this.password = password;
    }

    /** A new US provider with fresh API credentials (the secret's SHA-256 stored, as Hoptrace keeps it). */
    static ProviderApi newProvider(TracebackFixtures fixtures, ProviderRepository providers, int port) {
        Provider provider = fixtures.provider("US");
        String keyId = "hpk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String secret = UUID.randomUUID().toString();
        providers.setApiCredentials(provider.id(), keyId, sha256(secret));
        return new ProviderApi(port, provider, keyId, secret);
    }

    /** The same provider sending other credentials (a wrong secret, a user's login, none: {@code null}). */
    ProviderApi as(String otherUser, String otherPassword) {
        return new ProviderApi(Integer.parseInt(baseUrl.substring(baseUrl.lastIndexOf(':') + 1)), provider, otherUser,
                otherPassword);
    }

    Provider provider() {
        return provider;
    }

    String keyId() {
        return user;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> download(String path) {
        return send(request(path).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> answer(UUID hopId, String json) {
        return send(request("/api/v1/hops/" + hopId + "/response").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> answer(UUID hopId, Multipart body) {
        return send(request("/api/v1/hops/" + hopId + "/response").header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json, */*");
        return user == null ? request : request.header("Authorization", ConsoleClient.basic(user, password));
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
