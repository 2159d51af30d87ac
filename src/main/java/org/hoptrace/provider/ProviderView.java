package org.hoptrace.provider;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A provider as the API shows it: never its webhook secret or API key hash. {@code webhookSecret}
 * is present only in the answer that generated it.
 */
record ProviderView(UUID id, String legalName, String filer499Id, String rmdNumber, String country, String role,
                    List<String> contactEmails, String contactPhone, String webhookUrl, boolean webhookConfigured,
                    String apiKeyId, boolean registered, Instant createdAt, Instant updatedAt, String webhookSecret) {

    static ProviderView of(Provider provider) {
        return of(provider, null);
    }

    static ProviderView of(Provider provider, String generatedWebhookSecret) {
        return new ProviderView(provider.id(), provider.legalName(), provider.filer499Id(), provider.rmdNumber(),
                provider.country(), provider.role().code(), provider.contactEmails(), provider.contactPhone(),
                provider.webhookUrl(), provider.hasWebhook() && provider.webhookSecret() != null, provider.apiKeyId(),
                provider.registered(), provider.createdAt(), provider.updatedAt(), generatedWebhookSecret);
    }

    /** One page of providers. */
    record Page(List<ProviderView> items, int page, int size, long total) {

        static Page of(ProviderPage page) {
            return new Page(page.items().stream().map(ProviderView::of).toList(), page.page(), page.size(), page.total());
        }
    }

    /** A webhook signing secret, shown once. */
    record WebhookSecret(UUID providerId, String webhookSecret) {
    }
}
