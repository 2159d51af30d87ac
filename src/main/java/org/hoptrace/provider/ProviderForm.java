package org.hoptrace.provider;

import java.util.Arrays;

/**
 * The console's provider form as the browser posts it: contact emails in one text area (one per line,
 * or separated by commas or semicolons); {@code registered} is the "vet this provider" checkbox.
 */
record ProviderForm(String legalName, String filer499Id, String rmdNumber, String country, String role,
                    String contactEmails, String contactPhone, String webhookUrl, String webhookSecret, Boolean registered) {

    static ProviderForm blank() {
        return new ProviderForm("", "", "", "US", "intermediate", "", "", "", "", null);
    }

    static ProviderForm of(Provider provider) {
        return new ProviderForm(provider.legalName(), nz(provider.filer499Id()), nz(provider.rmdNumber()),
                provider.country(), provider.role().code(), String.join("\n", provider.contactEmails()),
                nz(provider.contactPhone()), nz(provider.webhookUrl()), "", provider.registered());
    }

    ProviderDraft toDraft() {
        String emails = contactEmails == null ? "" : contactEmails.strip();
        return new ProviderDraft(legalName, filer499Id, rmdNumber, country, role,
                emails.isEmpty() ? java.util.List.of() : Arrays.asList(emails.split("[\\s,;]+")), contactPhone,
                webhookUrl, webhookSecret, Boolean.TRUE.equals(registered) ? Boolean.TRUE : null);
    }

    /** The form as shown again after an error: the typed secret is not sent back to the browser. */
    ProviderForm withoutSecret() {
        return new ProviderForm(legalName, filer499Id, rmdNumber, country, role, contactEmails, contactPhone,
                webhookUrl, "", registered);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
