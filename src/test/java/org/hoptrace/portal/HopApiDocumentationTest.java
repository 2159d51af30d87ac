package org.hoptrace.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.HoptraceTest;
import org.hoptrace.web.ConsoleClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The hop API in the OpenAPI description at /v3/api-docs, as client generators read it. */
@HoptraceTest
class HopApiDocumentationTest {

    @LocalServerPort int port;

    @Test
    void theAnswerOperationDescribesJsonAndMultipartBodiesAndEveryStatus() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(new ConsoleClient(port).get("/v3/api-docs").body()).path("paths");

        JsonNode answer = paths.path("/api/v1/hops/{hopId}/response").path("post");
        assertThat(names(answer.path("requestBody").path("content"))).contains("application/json", "multipart/form-data");
        assertThat(names(answer.path("requestBody").path("content").path("multipart/form-data").path("schema").path("properties")))
                .contains("answer", "evidence");
        assertThat(names(answer.path("responses"))).contains("200", "201", "400", "401", "404", "409", "413");
        assertThat(answer.path("responses").path("400").path("content").has("application/problem+json")).isTrue();
        assertThat(names(paths.path("/api/v1/hops/{hopId}").path("get").path("responses"))).contains("200", "401", "404");
        assertThat(paths.has("/api/v1/hops/{hopId}/evidence/{documentId}")).isTrue();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
