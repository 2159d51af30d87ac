package org.hoptrace.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.hoptrace.HoptraceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Tests run with demo data on: the demo providers are there once, however often start-up runs. */
@HoptraceTest
class DemoProvidersTest {

    @Autowired
    DemoProviders demo;

    @Autowired
    ProviderRepository providers;

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

    private List<UUID> ids() {
        return DemoProviders.PROVIDERS.stream()
                .map(draft -> providers.findByFilerId(draft.filer499Id()).map(Provider::id).orElse(null)).toList();
    }
}
