package org.hoptrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.hoptrace.HoptraceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@HoptraceTest
class OperationsEndpointsTest {

    @LocalServerPort
    int port;

    ConsoleClient client;

    @BeforeEach
    void newClient() {
        client = new ConsoleClient(port);
    }

    @Test
    void healthIsPublicAndUp() {
        HttpResponse<String> health = client.get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(client.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void prometheusMetricsArePublic() {
        HttpResponse<String> metrics = client.get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void infoNamesTheApplicationAndItsVersionForAuthenticatedUsers() {
        assertThat(client.get("/actuator/info").statusCode()).isEqualTo(401);

        HttpResponse<String> info = client.get("/actuator/info", "admin", "hoptrace");

        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("\"name\":\"Hoptrace\"").contains("\"version\":\"0.1.0-SNAPSHOT\"");
    }

    @Test
    void otherActuatorEndpointsAreNotExposed() {
        assertThat(client.get("/actuator/env", "admin", "hoptrace").statusCode()).isEqualTo(404);
    }

    @Test
    void openApiDescriptionIsPublicJsonWithBasicAuth() {
        HttpResponse<String> docs = client.get("/v3/api-docs");

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(docs.body())
                .contains("\"title\":\"Hoptrace API\"")
                .contains("\"version\":\"0.1.0-SNAPSHOT\"")
                .contains("\"basicAuth\":{\"type\":\"http\",\"scheme\":\"basic\"}")
                .contains("/api/v1/me");
    }
}
