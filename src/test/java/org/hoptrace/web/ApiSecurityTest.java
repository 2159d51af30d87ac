package org.hoptrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.hoptrace.HoptraceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@HoptraceTest
class ApiSecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identities;

    ConsoleClient client;

    @BeforeEach
    void newClient() {
        client = new ConsoleClient(port);
    }

    @Test
    void apiWithoutCredentialsAnswers401ProblemJsonInsteadOfALoginRedirect() {
        HttpResponse<String> response = client.get("/api/v1/me");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
        assertThat(response.body())
                .contains("\"type\":\"https://hoptrace.org/problems/unauthorized\"")
                .contains("\"title\":\"Authentication required\"")
                .contains("\"status\":401");
    }

    @Test
    void apiWithAWrongPasswordAnswers401ProblemJson() {
        HttpResponse<String> response = client.get("/api/v1/me", ConsoleClient.newUser(identities), "wrong");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void apiWithBasicAuthKnowsTheUserAndTheRolesFromTheirGroups() {
        HttpResponse<String> response = client.get("/api/v1/me", "admin", "hoptrace");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"userId\":\"admin\",\"roles\":[\"ROLE_ADMIN\",\"ROLE_OPERATON_ADMIN\"]}");
        assertThat(response.headers().firstValue("Set-Cookie")).as("stateless: no session").isEmpty();
    }

    @Test
    void unknownApiPathAnswers404ProblemJson() {
        HttpResponse<String> response = client.get("/api/v1/no-such-thing", "staff", "hoptrace");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"type\":\"https://hoptrace.org/problems/not-found\"")
                .contains("\"title\":\"Not Found\"")
                .contains("\"instance\":\"/api/v1/no-such-thing\"");
    }

    @Test
    void engineRestApiRequiresBasicAuth() {
        assertThat(client.get("/engine-rest/engine").statusCode()).isEqualTo(401);

        HttpResponse<String> engines = client.get("/engine-rest/engine", "admin", "hoptrace");

        assertThat(engines.statusCode()).isEqualTo(200);
        assertThat(engines.body()).contains("\"name\":\"default\"");
    }
}
