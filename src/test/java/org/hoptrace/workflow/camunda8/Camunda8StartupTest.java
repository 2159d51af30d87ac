package org.hoptrace.workflow.camunda8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import io.camunda.client.CamundaClient;
import org.junit.jupiter.api.Test;

/** Start-up fails fast, naming the address and the cause, when the cluster is unreachable or refuses. */
class Camunda8StartupTest {

    @Test
    void anUnreachableClusterStopsTheStartWithItsAddressAndTheCause() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI address = URI.create("http://127.0.0.1:" + port);
        Camunda8EngineConfiguration configuration = new Camunda8EngineConfiguration();
        long started = System.nanoTime();

        assertThatThrownBy(() -> configuration.camundaClient(Camunda8TestSetup.clientSettings(address),
                Camunda8TestSetup.settings()))
                .isInstanceOf(ClusterUnavailableException.class)
                .hasMessageContaining("http://127.0.0.1:" + port)
                .hasMessageContaining("onnect");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void refusedCredentialsStopTheStartWith401() {
        try (FakeCamunda8 fake = new FakeCamunda8()) {
            fake.requireBasicAuth("hoptrace", "secret");

            assertThatThrownBy(() -> new Camunda8EngineConfiguration().camundaClient(
                    Camunda8TestSetup.clientSettings(fake.address()), Camunda8TestSetup.settings()))
                    .isInstanceOf(ClusterUnavailableException.class)
                    .hasMessageContaining(fake.address().toString())
                    .hasMessageContaining("HTTP 401");
            assertThatThrownBy(() -> new Camunda8EngineConfiguration().camundaClient(
                    Camunda8TestSetup.clientSettings(fake.address(), basic("hoptrace", "wrong")), Camunda8TestSetup.settings()))
                    .hasMessageContaining("HTTP 401");
        }
    }

    @Test
    void basicCredentialsAreSentWithEveryRequest() {
        try (FakeCamunda8 fake = new FakeCamunda8()) {
            fake.requireBasicAuth("hoptrace", "secret");

            try (CamundaClient client = new Camunda8EngineConfiguration().camundaClient(
                    Camunda8TestSetup.clientSettings(fake.address(), basic("hoptrace", "secret")), Camunda8TestSetup.settings())) {
                assertThat(fake.requests("GET", "/v2/topology")).singleElement()
                        .satisfies(request -> assertThat(request.authorization()).startsWith("Basic "));
            }
        }
    }

    @Test
    void anUnknownAuthenticationMethodIsRefusedByName() {
        assertThatThrownBy(() -> CamundaClients.credentials(Camunda8TestSetup.clientSettings(URI.create("http://x"),
                new CamundaClientSettings.Auth("kerberos", null, null, null, null, null, null, null))))
                .hasMessageContaining("none, basic or oidc").hasMessageContaining("kerberos");
    }

    @Test
    void saasDerivesTheAddressesFromClusterAndRegion() {
        var saas = new CamundaClientSettings("saas", null, Duration.ofSeconds(5),
                new CamundaClientSettings.Auth(null, null, null, "id", "secret", null, null, null),
                new CamundaClientSettings.Cloud("abc-123", "bru-2"));
        var hoptrace = new Camunda8Settings(null, null, Duration.ofSeconds(1), "w", 1, 1, Duration.ofMillis(1),
                Duration.ofMillis(1), Duration.ofMillis(1), 1, Duration.ofMillis(1), Duration.ofMillis(1));

        assertThat(saas.effectiveRestAddress()).isEqualTo(URI.create("https://bru-2.zeebe.camunda.io/abc-123"));
        assertThat(saas.effectiveAuthMethod()).isEqualTo("oidc");
        assertThat(saas.effectiveTokenUrl()).isEqualTo(URI.create("https://login.cloud.camunda.io/oauth/token"));
        assertThat(saas.effectiveAudience()).isEqualTo("zeebe.camunda.io");
        assertThat(hoptrace.tasklist(saas)).isEqualTo("https://bru-2.tasklist.camunda.io/abc-123");
        assertThat(hoptrace.operate(saas)).isEqualTo("https://bru-2.operate.camunda.io/abc-123");
        var selfManaged = Camunda8TestSetup.clientSettings(URI.create("http://camunda:8088/"));
        assertThat(hoptrace.tasklist(selfManaged)).isEqualTo("http://camunda:8088/tasklist");
    }

    private static CamundaClientSettings.Auth basic(String user, String password) {
        return new CamundaClientSettings.Auth("basic", user, password, null, null, null, null, null);
    }
}
