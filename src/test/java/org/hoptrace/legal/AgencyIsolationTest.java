package org.hoptrace.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.HoptraceTest;
import org.hoptrace.document.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Agency A cannot see, download or act on agency B's request, through the API or the portal: 404 everywhere. */
@HoptraceTest
class AgencyIsolationTest {

    @LocalServerPort int port;
    @Autowired AgencyPortalFixtures fixtures;
    @Autowired LegalRequestRepository requests;
    @Autowired ObjectMapper json;

    @AfterEach
    void cleanUp() {
        fixtures.deactivateAll();
    }

    @Test
    void anotherAgencysRequestIsNotFoundOnEveryApiEndpoint() throws Exception {
        AgencyPortalFixtures.PortalUser owner = fixtures.user();
        AgencyPortalFixtures.PortalUser other = fixtures.user();
        AgencyClient ownerApi = new AgencyClient(port).withToken(fixtures.token(owner));
        AgencyClient otherApi = new AgencyClient(port).withToken(fixtures.token(other));
        UUID id = submit(ownerApi);
        UUID request = requests.documents(id).get(0).document().id();
        UUID response = fixtures.addResponse(id, "response.pdf");
        fixtures.askClarification(id, "Which numbers?");
        String base = "/api/v1/agency/legal-requests/" + id;

        assertThat(otherApi.get("/api/v1/agency/legal-requests").body()).doesNotContain(id.toString());
        assertThat(otherApi.get(base).statusCode()).isEqualTo(404);
        assertThat(otherApi.getBytes(base + "/documents/" + request).statusCode()).isEqualTo(404);
        assertThat(otherApi.postJson(base + "/clarification", "{\"text\": \"mine\"}").statusCode()).isEqualTo(404);
        assertThat(otherApi.postJson(base + "/withdrawal", "{\"reason\": \"mine\"}").statusCode()).isEqualTo(404);
        assertThat(otherApi.get(base + "/audit").statusCode()).isEqualTo(404);
        fixtures.markReleased(id);
        assertThat(otherApi.getBytes(base + "/documents/" + response).statusCode()).isEqualTo(404);
        assertThat(otherApi.get("/api/v1/agency/legal-requests/" + UUID.randomUUID()).statusCode())
                .as("as for a request that does not exist").isEqualTo(404);

        assertThat(fixtures.auditActions(id)).as("nothing the other agency tried was done or recorded")
                .containsExactly("submitted");
        assertThat(requests.find(id).orElseThrow().outcome()).isEqualTo("released");
        assertThat(ownerApi.get("/api/v1/agency/legal-requests").body()).contains(id.toString());
        assertThat(ownerApi.getBytes(base + "/documents/" + response).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherAgencysRequestIsNotFoundOnEveryPortalPage() throws Exception {
        AgencyPortalFixtures.PortalUser owner = fixtures.user();
        AgencyPortalFixtures.PortalUser other = fixtures.user();
        UUID id = submit(new AgencyClient(port).withToken(fixtures.token(owner)));
        UUID document = requests.documents(id).get(0).document().id();
        fixtures.askClarification(id, "Which numbers?");
        AgencyClient browser = new AgencyClient(port);
        browser.logIn(other.email(), AgencyPortalFixtures.PASSWORD, fixtures.code(other));
        String page = "/agency/requests/" + id;

        assertThat(browser.get("/agency").body()).doesNotContain(requests.find(id).orElseThrow().reference());
        assertThat(browser.get(page).statusCode()).isEqualTo(404);
        assertThat(browser.getBytes(page + "/documents/" + document).statusCode()).isEqualTo(404);
        assertThat(browser.get(page + "/audit.csv").statusCode()).isEqualTo(404);
        assertThat(browser.postMultipart(page + "/clarification", new AgencyClient.Form().field("text", "mine"))
                .statusCode()).isEqualTo(404);
        assertThat(browser.postForm(page + "/withdrawal", Map.of("reason", "mine")).statusCode()).isEqualTo(404);

        assertThat(requests.find(id).orElseThrow().isOpen()).isTrue();
        assertThat(fixtures.auditActions(id)).containsExactly("submitted");
    }

    private UUID submit(AgencyClient api) throws Exception {
        HttpResponse<String> created = api.postMultipart("/api/v1/agency/legal-requests", new AgencyClient.Form()
                .json("request", AgencyRequestsTest.REQUEST).file("documents", "subpoena.pdf", TestFiles.pdf("SUBPOENA")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return UUID.fromString(json.readTree(created.body()).get("id").asText());
    }
}
