package org.hoptrace.workflow.camunda8;

import java.net.URI;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.camunda.client.CamundaClient;

/** The adapter's parts wired against a {@link FakeCamunda8}, without Spring, with short back-offs. */
final class Camunda8TestSetup {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Camunda8TestSetup() {
    }

    static CamundaClientSettings clientSettings(URI address) {
        return clientSettings(address, new CamundaClientSettings.Auth(null, null, null, null, null, null, null, null));
    }

    static CamundaClientSettings clientSettings(URI address, CamundaClientSettings.Auth auth) {
        return new CamundaClientSettings("self-managed", address, Duration.ofSeconds(5), auth,
                new CamundaClientSettings.Cloud(null, "bru-2"));
    }

    /** Workers poll every 20 ms, back off 20..200 ms after a failed poll, resend outcomes after 20..100 ms. */
    static Camunda8Settings settings() {
        return new Camunda8Settings(URI.create("https://tasklist.example/tasklist"),
                URI.create("https://operate.example/operate"), Duration.ofSeconds(2), "hoptrace-test", 2, 8,
                Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofMillis(200), 10, Duration.ofMillis(20),
                Duration.ofMillis(100));
    }

    static CamundaClient client(FakeCamunda8 fake) {
        return CamundaClients.build(clientSettings(fake.address()), settings());
    }

    static Camunda8WorkflowEngine engine(CamundaClient client) {
        Camunda8Settings settings = settings();
        CamundaClientSettings clientSettings = clientSettings(URI.create("http://unused"));
        return new Camunda8WorkflowEngine(client, JSON, settings.tasklist(clientSettings), settings.operate(clientSettings),
                new Camunda8Clock(client));
    }
}
