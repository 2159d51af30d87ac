package org.hoptrace.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import java.net.http.HttpResponse;

import org.hoptrace.HoptraceTest;
import org.hoptrace.web.ConsoleClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Tests run with demo data on: the demo providers are there once, however often start-up runs. */
@HoptraceTest
class DemoProvidersTest {

    @Autowired
    DemoProviders demo;

    @Autowired
    ProviderRepository providers;

    @LocalServerPort
    int port;

    @Test
    void theDemoProvidersAreRegisteredOnceByFilerId() {
        List<UUID> before = ids();

        demo.run(null);

        assertThat(before).hasSize(DemoProviders.PROVIDERS.size()).doesNotContainNull();
        assertThat(ids()).isEqualTo(before);
        Provider gateway = providers.findByFilerId("832344").orElseThrow();
        assertThat(gateway.role()).isEqualTo(Provider.Role.GATEWAY);
        assertThat(gateway.contactEmails()).containsExactly("traceback@atlanticgateway.example");
        assertThat(gateway.hasWebhook()).isFalse();
        assertThat(providers.findByFilerId("833108").orElseThrow().isForeign()).isTrue();
    }

    @Test
    void theDemoProviderUserAnswersForTheDemoTerminatingCarrierInThePortal() {
        Provider carrier = providers.findByFilerId("831407").orElseThrow();
        assertThat(providers.providerOfUser(DemoProviders.DEMO_PROVIDER_USER)).contains(carrier.id());

        ConsoleClient browser = new ConsoleClient(port);
        HttpResponse<String> login = browser.logIn(DemoProviders.DEMO_PROVIDER_USER, "hoptrace");
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/portal"));
        assertThat(browser.get("/portal").statusCode()).isEqualTo(200);
        assertThat(browser.get("/tracebacks").statusCode()).isEqualTo(403);
    }

    private List<UUID> ids() {
        return DemoProviders.PROVIDERS.stream()
                .map(draft -> providers.findByFilerId(draft.filer499Id()).map(Provider::id).orElse(null)).toList();
    }
}
