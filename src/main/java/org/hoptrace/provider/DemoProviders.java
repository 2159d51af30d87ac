package org.hoptrace.provider;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Six fictional providers to try tracebacks with, created when {@code hoptrace.demo-data} is true:
 * a US terminating carrier, two US intermediates, a US gateway, a British carrier and a US
 * originating provider. Runs after start-up (the schema exists by then); a provider whose filer id
 * is registered already is left as it is, so restarts change nothing.
 */
@Component
@ConditionalOnProperty(name = "hoptrace.demo-data", havingValue = "true", matchIfMissing = true)
class DemoProviders implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoProviders.class);

    static final List<ProviderDraft> PROVIDERS = List.of(
            demo("Lakeshore Telecom LLC", "831407", "RMD0004107", "US", "terminating", "lakeshoretelecom", "+1 312 555 0141"),
            demo("Midland Transit Voice Inc.", "831522", "RMD0004122", "US", "intermediate", "midlandtransit", "+1 816 555 0152"),
            demo("Blue Ridge Carrier Services LLC", "832016", "RMD0004216", "US", "intermediate", "blueridgecarrier", "+1 540 555 0116"),
            demo("Atlantic Gateway Communications LLC", "832344", "RMD0004344", "US", "gateway", "atlanticgateway", "+1 973 555 0134"),
            demo("Thameside Telecom Ltd", "833108", "RMD0004508", "GB", "intermediate", "thamesidetelecom", "+44 20 7946 0108"),
            demo("Sunbelt Dialer Networks LLC", "833275", "RMD0004675", "US", "originating", "sunbeltdialer", "+1 602 555 0175"));

    /** The demo login (group provider) that answers for the first demo provider, the terminating carrier. */
    static final String DEMO_PROVIDER_USER = "carrier";

    private final ProviderRepository providers;
    private final ProviderService service;

    DemoProviders(ProviderRepository providers, ProviderService service) {
        this.providers = providers;
        this.service = service;
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = 0;
        for (ProviderDraft draft : PROVIDERS) {
            if (providers.findByFilerId(draft.filer499Id()).isEmpty()) {
                try {
                    service.create(draft);
                    created++;
                } catch (DuplicateKeyException | FilerIdTakenException e) {
                    // another instance created it at the same time
                }
            }
        }
        if (created > 0) {
            log.info("Created {} demo providers", created);
        }
        providers.findByFilerId(PROVIDERS.get(0).filer499Id())
                .ifPresent(terminating -> providers.linkUser(DEMO_PROVIDER_USER, terminating.id()));
    }

    private static ProviderDraft demo(String name, String filerId, String rmd, String country, String role,
                                      String domain, String phone) {
        return new ProviderDraft(name, filerId, rmd, country, role, List.of("traceback@" + domain + ".example"), phone,
                null, null, true);
    }
}
