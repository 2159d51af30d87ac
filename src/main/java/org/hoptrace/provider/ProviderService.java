package org.hoptrace.provider;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What ITG staff do with the registry: create and edit providers, vet a provider an answer named,
 * issue API credentials and rotate webhook secrets. Secrets Hoptrace generates are returned once
 * and never shown again; of the API secret only its SHA-256 is kept.
 */
@Service
public class ProviderService {

    private final ProviderRepository providers;

    ProviderService(ProviderRepository providers) {
        this.providers = providers;
    }

    /** A saved provider and, if Hoptrace generated one, its new webhook signing secret (shown once). */
    public record Saved(Provider provider, String generatedWebhookSecret) {

        @Override
        public String toString() {
            return "Saved[provider=" + provider.id() + ", generatedWebhookSecret=" + (generatedWebhookSecret == null ? "none" : "***") + "]";
        }
    }

    /**
     * @throws InvalidProviderException the draft breaks a rule
     * @throws FilerIdTakenException    another provider has the filer id
     */
    @Transactional
    public Saved create(ProviderDraft draft) {
        ProviderDraft valid = validated(draft.normalised().withRegistered(!Boolean.FALSE.equals(draft.registered())), null);
        String secret = valid.webhookUrl() == null ? null : valid.webhookSecret();
        String generated = valid.webhookUrl() != null && secret == null ? ApiCredentials.randomSecret() : null;
        Provider provider = providers.insert(new Provider(null, valid.legalName(), valid.filer499Id(), valid.rmdNumber(),
                valid.country(), valid.roleValue(), valid.contactEmails(), valid.contactPhone(), valid.webhookUrl(),
                secret != null ? secret : generated, null, valid.registered(), null, null));
        return new Saved(provider, generated);
    }

    /**
     * Replaces the editable fields. A blank webhook secret keeps the current one (or generates one for a
     * first webhook); removing the webhook URL removes the secret. A null {@code registered} keeps the flag.
     */
    @Transactional
    public Saved update(UUID id, ProviderDraft draft) {
        Provider current = providers.get(id);
        boolean registered = draft.registered() != null ? draft.registered() : current.registered();
        ProviderDraft valid = validated(draft.normalised().withRegistered(registered), id);
        String secret = null;
        String generated = null;
        if (valid.webhookUrl() != null) {
            secret = valid.webhookSecret() != null ? valid.webhookSecret() : current.webhookSecret();
            if (secret == null) {
                generated = ApiCredentials.randomSecret();
                secret = generated;
            }
        }
        Provider provider = providers.update(new Provider(id, valid.legalName(), valid.filer499Id(), valid.rmdNumber(),
                valid.country(), valid.roleValue(), valid.contactEmails(), valid.contactPhone(), valid.webhookUrl(),
                secret, current.apiKeyId(), valid.registered(), current.createdAt(), current.updatedAt()));
        return new Saved(provider, generated);
    }

    /**
     * Vets a provider an answer named: from now on it is registered. Its details must meet the rules for a
     * registered provider (e.g. a contact email), otherwise staff edit it first. Vetting twice changes nothing.
     */
    @Transactional
    public Provider markRegistered(UUID id) {
        Provider current = providers.get(id);
        if (current.registered()) {
            return current;
        }
        return update(id, ProviderDraft.of(current).withRegistered(true)).provider();
    }

    /** New API credentials for a vetted provider; the previous ones stop working at once. */
    @Transactional
    public ApiCredentials issueApiCredentials(UUID id) {
        Provider provider = providers.get(id);
        if (!provider.registered()) {
            throw new ProviderStateException("vet " + provider.legalName() + " before issuing API credentials");
        }
        ApiCredentials credentials = ApiCredentials.generate(id);
        providers.setApiCredentials(id, credentials.keyId(), ApiCredentials.hash(credentials.secret()));
        return credentials;
    }

    /** A new webhook signing secret, returned once; the previous one stops being used at once. */
    @Transactional
    public String rotateWebhookSecret(UUID id) {
        Provider current = providers.get(id);
        if (!current.hasWebhook()) {
            throw new ProviderStateException(current.legalName() + " has no webhook URL");
        }
        String secret = ApiCredentials.randomSecret();
        providers.update(new Provider(id, current.legalName(), current.filer499Id(), current.rmdNumber(),
                current.country(), current.role(), current.contactEmails(), current.contactPhone(),
                current.webhookUrl(), secret, current.apiKeyId(), current.registered(), current.createdAt(),
                current.updatedAt()));
        return secret;
    }

    /** The normalised draft if it may be saved as provider {@code id} (null: a new provider). */
    ProviderDraft validated(ProviderDraft normalised, UUID id) {
        Map<String, String> problems = normalised.problems();
        if (!problems.isEmpty()) {
            throw new InvalidProviderException(problems);
        }
        if (normalised.filer499Id() != null) {
            providers.findByFilerId(normalised.filer499Id()).filter(other -> !other.id().equals(id))
                    .ifPresent(other -> {
                        throw new FilerIdTakenException(other);
                    });
        }
        return normalised;
    }
}
