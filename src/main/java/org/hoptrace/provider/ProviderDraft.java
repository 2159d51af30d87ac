package org.hoptrace.provider;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A provider as staff enter it (console form, REST body, CSV row), before it is saved: the one
 * place where the registry's rules live. {@link #normalised()} trims and normalises case;
 * {@link #problems()} lists what is wrong, by field. Uniqueness of the filer id needs the
 * registry and is checked by {@link ProviderService}.
 *
 * @param webhookSecret blank: keep the provider's secret, or generate one when a webhook is set
 * @param registered    null: unchanged on update, registered on create
 */
public record ProviderDraft(String legalName, String filer499Id, String rmdNumber, String country, String role,
                            List<String> contactEmails, String contactPhone, String webhookUrl, String webhookSecret,
                            Boolean registered) {

    static final int MAX_NAME = 300;
    static final int MAX_PHONE = 40;
    static final int MAX_URL = 2000;
    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 200;

    private static final Pattern FILER_ID = Pattern.compile("\\d{6,10}");
    private static final Pattern RMD = Pattern.compile("RMD\\d{7}");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public ProviderDraft {
        contactEmails = contactEmails == null ? List.of() : contactEmails.stream().map(e -> e == null ? "" : e).toList();
    }

    /** The draft of an existing provider, e.g. to vet it unchanged (its webhook secret stays). */
    static ProviderDraft of(Provider provider) {
        return new ProviderDraft(provider.legalName(), provider.filer499Id(), provider.rmdNumber(), provider.country(),
                provider.role().code(), provider.contactEmails(), provider.contactPhone(), provider.webhookUrl(), null,
                provider.registered());
    }

    /** Trimmed; blanks as null; RMD number and country upper case, role lower case; repeated emails once. */
    public ProviderDraft normalised() {
        List<String> emails = new ArrayList<>();
        for (String email : contactEmails) {
            String trimmed = email.strip();
            if (!trimmed.isEmpty() && emails.stream().noneMatch(trimmed::equalsIgnoreCase)) {
                emails.add(trimmed);
            }
        }
        return new ProviderDraft(text(legalName), text(filer499Id), upper(rmdNumber), upper(country),
                role == null ? null : text(role.toLowerCase(Locale.ROOT)), emails, text(contactPhone), text(webhookUrl),
                text(webhookSecret), registered);
    }

    ProviderDraft withRegistered(boolean value) {
        return new ProviderDraft(legalName, filer499Id, rmdNumber, country, role, contactEmails, contactPhone,
                webhookUrl, webhookSecret, value);
    }

    /** Field name to message, in form order; empty when the draft may be saved. Call on a normalised draft. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (legalName == null) {
            problems.put("legalName", "enter the provider's legal name");
        } else if (legalName.length() > MAX_NAME) {
            problems.put("legalName", "at most " + MAX_NAME + " characters");
        }
        if (filer499Id != null && !FILER_ID.matcher(filer499Id).matches()) {
            problems.put("filer499Id", "an FCC Form 499 filer id is 6 to 10 digits, e.g. 831234");
        }
        if (rmdNumber != null && !RMD.matcher(rmdNumber).matches()) {
            problems.put("rmdNumber", "an RMD number is RMD and 7 digits, e.g. RMD0001234");
        }
        if (country == null || !COUNTRIES.contains(country)) {
            problems.put("country", "enter an ISO 3166 two-letter country code, e.g. US or GB");
        }
        if (role == null || !roleKnown(role)) {
            problems.put("role", "choose one of originating, gateway, intermediate, terminating, unknown");
        }
        String badEmail = contactEmails.stream().filter(e -> !isEmail(e)).findFirst().orElse(null);
        if (badEmail != null) {
            problems.put("contactEmails", "'" + badEmail + "' is not an email address");
        } else if (contactEmails.isEmpty() && !Boolean.FALSE.equals(registered)) {
            problems.put("contactEmails", "a registered provider needs at least one traceback contact email");
        }
        if (contactPhone != null && contactPhone.length() > MAX_PHONE) {
            problems.put("contactPhone", "at most " + MAX_PHONE + " characters");
        }
        if (webhookUrl != null && !isWebUrl(webhookUrl)) {
            problems.put("webhookUrl", "enter an absolute http:// or https:// address");
        }
        if (webhookSecret != null) {
            if (webhookUrl == null) {
                problems.put("webhookSecret", "a signing secret needs a webhook URL");
            } else if (webhookSecret.length() < MIN_SECRET || webhookSecret.length() > MAX_SECRET) {
                problems.put("webhookSecret", MIN_SECRET + " to " + MAX_SECRET
                        + " characters; leave it empty to have one generated");
            }
        }
        return problems;
    }

    Provider.Role roleValue() {
        return Provider.Role.ofCode(role);
    }

    private static boolean roleKnown(String code) {
        for (Provider.Role value : Provider.Role.values()) {
            if (value.code().equals(code)) {
                return true;
            }
        }
        return false;
    }

    static boolean isEmail(String value) {
        return value.length() <= 320 && EMAIL.matcher(value).matches();
    }

    private static boolean isWebUrl(String value) {
        if (value.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String upper(String value) {
        String text = text(value);
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }
}
