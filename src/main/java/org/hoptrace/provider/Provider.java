package org.hoptrace.provider;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A voice service provider that tracebacks ask for the upstream of a call. {@code registered} is
 * false for a provider that another provider named in an answer and staff have not vetted yet.
 * The webhook secret and API key hash are never shown; {@link #hasWebhook()} says if one is set.
 */
public record Provider(UUID id, String legalName, String filer499Id, String rmdNumber, String country, Role role,
                       List<String> contactEmails, String contactPhone, String webhookUrl, String webhookSecret,
                       String apiKeyId, boolean registered, Instant createdAt, Instant updatedAt) {

    public enum Role {
        ORIGINATING, GATEWAY, INTERMEDIATE, TERMINATING, UNKNOWN;

        public String code() {
            return name().toLowerCase();
        }

        public static Role ofCode(String code) {
            return valueOf(code.toUpperCase());
        }
    }

    public Provider {
        contactEmails = contactEmails == null ? List.of() : List.copyOf(contactEmails);
    }

    public boolean hasWebhook() {
        return webhookUrl != null && !webhookUrl.isBlank();
    }

    public boolean isForeign() {
        return !"US".equals(country);
    }
}
