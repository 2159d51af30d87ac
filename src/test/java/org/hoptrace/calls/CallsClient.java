package org.hoptrace.calls;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.web.ConsoleClient;
import org.hoptrace.web.JsonApiClient;

/** HTTP calls to the call API: as a data source with its key, or as a demo user. */
final class CallsClient extends JsonApiClient {

    private static final AtomicInteger NAMES = new AtomicInteger();

    CallsClient(int port, ObjectMapper json) {
        super(port, json);
    }

    /** A source name no other test uses. */
    static String name(String prefix) {
        return prefix + " " + NAMES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Posts {@code body} with {@code contentType} as the source holding {@code key}. */
    Answer postAs(SourceKey key, String path, String contentType, String body) {
        return send(request(path, null).header("Authorization", ConsoleClient.basic(key.prefix(), key.key()))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    Answer getAs(SourceKey key, String path) {
        return send(request(path, null).header("Authorization", ConsoleClient.basic(key.prefix(), key.key())).GET());
    }

    /** Posts as a demo user (password hoptrace). */
    Answer postAsUser(String user, String path, String contentType, String body) {
        return send(request(path, user).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    Answer getText(String user, String path) {
        return send(request(path, user).header("Accept", "text/csv"));
    }
}
