package org.hoptrace.traceback;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Voice service providers as a test sees them from outside: each has a webhook endpoint on a real
 * local HTTP server that verifies Hoptrace's signature and records every delivery, and each answers
 * a requested hop through Hoptrace's REST API with its own API credentials, as an automated
 * provider would. Provider {@code i} of the chain names provider {@code i + 1} as its upstream; the
 * last one says the call originated with its customer.
 */
public final class SimulatedProviders implements AutoCloseable {

    /** A provider as registered in Hoptrace: ids and secrets the test created. */
    public record Registered(UUID id, String webhookSecret, String apiKeyId, String apiSecret) {
    }

    /** A webhook the endpoint accepted, with its signature checked. */
    public record Delivery(UUID providerId, String event, UUID hopId, String idempotencyKey, boolean signatureValid) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ExecutorService answering = Executors.newFixedThreadPool(4);
    private final ExecutorService receiving = Executors.newFixedThreadPool(4);
    private final Map<UUID, Registered> providers = new ConcurrentHashMap<>();
    private final Map<UUID, UUID> upstreamOf = new ConcurrentHashMap<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<String> answerFailures = new CopyOnWriteArrayList<>();
    private volatile boolean available = true;
    private volatile Supplier<String> hoptraceUrl = () -> null;
    private final List<Runnable> unanswered = new ArrayList<>();

    public SimulatedProviders() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/hooks/", this::receive);
        server.setExecutor(receiving);
        server.start();
    }

    public String webhookUrl(UUID providerId) {
        return "http://localhost:" + server.getAddress().getPort() + "/hooks/" + providerId;
    }

    /**
     * Registers a US provider straight in Hoptrace's database, with a webhook to this server and API
     * credentials (the key hash stored as Hoptrace stores it), and returns its ids and secrets.
     */
    public Registered register(JdbcTemplate jdbc, String name, String email) {
        UUID id = UUID.randomUUID();
        String webhookSecret = "webhook-secret-" + UUID.randomUUID();
        String keyId = "hpk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String apiSecret = UUID.randomUUID().toString();
        jdbc.update("""
                insert into provider (provider_id, legal_name, country, role, contact_emails, webhook_url, webhook_secret,
                                      api_key_id, api_key_hash, registered, created_at, updated_at)
                values (?, ?, 'US', 'intermediate', ?::text[], ?, ?, ?, ?, true, now(), now())""",
                id, name, "{\"" + email + "\"}", webhookUrl(id), webhookSecret, keyId, sha256(apiSecret));
        return new Registered(id, webhookSecret, keyId, apiSecret);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers a chain: each provider names the next as its upstream; the last is the origin. */
    public void chain(List<Registered> chain) {
        for (int i = 0; i < chain.size(); i++) {
            providers.put(chain.get(i).id(), chain.get(i));
            if (i + 1 < chain.size()) {
                upstreamOf.put(chain.get(i).id(), chain.get(i + 1).id());
            }
        }
    }

    /**
     * Where the providers send their answers ({@code http://host:port}). Requests that arrived before
     * the address was known are answered now.
     */
    public void answerTo(Supplier<String> baseUrl) {
        List<Runnable> waiting;
        synchronized (this) {
            this.hoptraceUrl = baseUrl;
            waiting = List.copyOf(unanswered);
            unanswered.clear();
        }
        waiting.forEach(answering::execute);
    }

    /**
     * While unavailable, every webhook gets 503 and nothing is recorded or answered. Requests received
     * before {@link #answerTo} says where answers go are accepted and answered once it has.
     */
    public void available(boolean available) {
        this.available = available;
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public List<String> answerFailures() {
        return List.copyOf(answerFailures);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if (!available) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            UUID providerId = UUID.fromString(exchange.getRequestURI().getPath().substring("/hooks/".length()));
            JsonNode payload = JSON.readTree(body);
            Registered provider = providers.get(providerId);
            boolean valid = provider != null && signatureValid(exchange, body, provider.webhookSecret());
            UUID hopId = UUID.fromString(payload.path("hopId").asText());
            String event = payload.path("event").asText();
            deliveries.add(new Delivery(providerId, event, hopId, exchange.getRequestHeaders().getFirst("Idempotency-Key"), valid));
            exchange.sendResponseHeaders(valid ? 200 : 401, -1);
            if (valid && "hop.requested".equals(event)) {
                Runnable answer = () -> answer(provider, hopId);
                synchronized (this) {
                    if (hoptraceUrl.get() == null) {
                        unanswered.add(answer);
                        return;
                    }
                }
                answering.execute(answer);
            }
        }
    }

    private void answer(Registered provider, UUID hopId) {
        UUID upstream = upstreamOf.get(provider.id());
        String body = upstream != null
                ? "{\"type\":\"upstream-registered\",\"upstreamProviderId\":\"" + upstream + "\"}"
                : "{\"type\":\"origin\",\"customerName\":\"Dialer Express Inc.\",\"customerDetails\":\"account 4471\"}";
        String credentials = Base64.getEncoder().encodeToString(
                (provider.apiKeyId() + ":" + provider.apiSecret()).getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(hoptraceUrl.get() + "/api/v1/hops/" + hopId + "/response"))
                    .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                answerFailures.add(hopId + ": " + response.statusCode() + " " + response.body());
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            answerFailures.add(hopId + ": " + e);
        }
    }

    /** Hoptrace-Signature: v1=hex(HMAC-SHA256(secret, timestamp + "." + body)), as docs/webhooks.md says. */
    static boolean signatureValid(HttpExchange exchange, byte[] body, String secret) {
        String timestamp = exchange.getRequestHeaders().getFirst("Hoptrace-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("Hoptrace-Signature");
        if (timestamp == null || signature == null || !signature.startsWith("v1=")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature.substring(3)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        receiving.shutdownNow();
        answering.shutdownNow();
    }
}
