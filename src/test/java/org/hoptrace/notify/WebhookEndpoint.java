package org.hoptrace.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A provider's webhook endpoint on a real local HTTP server: answers with a chosen status and records every request. */
final class WebhookEndpoint implements AutoCloseable {

    /** A request as it arrived, and the status it was answered with. */
    record Request(String contentType, String idempotencyKey, String event, String timestamp, String signature,
                   String body, int status) {

        boolean accepted() {
            return status / 100 == 2;
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    WebhookEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", this::receive);
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hooks/hoptrace";
    }

    /** The status every following request is answered with. */
    void answer(int status) {
        this.status = status;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String idempotencyKey) {
        return requests.stream().filter(request -> idempotencyKey.equals(request.idempotencyKey())).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int answer = status;
            var headers = exchange.getRequestHeaders();
            requests.add(new Request(headers.getFirst("Content-Type"), headers.getFirst("Idempotency-Key"),
                    headers.getFirst("Hoptrace-Event"), headers.getFirst("Hoptrace-Timestamp"),
                    headers.getFirst("Hoptrace-Signature"), body, answer));
            byte[] reply = answer / 100 == 2 ? new byte[0] : "{\"error\":\"try later\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer, reply.length == 0 ? -1 : reply.length);
            exchange.getResponseBody().write(reply);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
