package org.hoptrace.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The registry's rules, field by field: a valid provider with one field changed, and the problem it gives. */
class ProviderDraftTest {

    private static final ProviderDraft VALID = new ProviderDraft("Lakeshore Telecom LLC", "831407", "RMD0004107", "US",
            "terminating", List.of("traceback@lakeshore.example"), "+1 312 555 0141", null, null, true);

    @ParameterizedTest(name = "{0} = \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            legalName     | NULL                          | enter the provider's legal name
            legalName     | '   '                         | enter the provider's legal name
            legalName     | A Very Long Name              | NULL
            filer499Id    | NULL                          | NULL
            filer499Id    | 12345                         | 6 to 10 digits
            filer499Id    | 123456                        | NULL
            filer499Id    | 1234567890                    | NULL
            filer499Id    | 12345678901                   | 6 to 10 digits
            filer499Id    | 83l407                        | 6 to 10 digits
            rmdNumber     | NULL                          | NULL
            rmdNumber     | rmd0001234                    | NULL
            rmdNumber     | RMD001234                     | RMD and 7 digits
            rmdNumber     | RMD00012345                   | RMD and 7 digits
            rmdNumber     | XYZ0001234                    | RMD and 7 digits
            country       | gb                            | NULL
            country       | UK                            | ISO 3166 two-letter country code
            country       | USA                           | ISO 3166 two-letter country code
            country       | NULL                          | ISO 3166 two-letter country code
            role          | Gateway                       | NULL
            role          | unknown                       | NULL
            role          | carrier                       | choose one of originating, gateway
            role          | NULL                          | choose one of originating, gateway
            contactEmails | noc@carrier.example           | NULL
            contactEmails | noc@carrier                   | 'noc@carrier' is not an email address
            contactEmails | noc at carrier.example        | is not an email address
            contactEmails | NULL                          | a registered provider needs at least one traceback contact email
            contactPhone  | +1 (202) 555-0100 ext. 12     | NULL
            contactPhone  | 01234567890123456789012345678901234567890 | at most 40 characters
            webhookUrl    | https://hooks.carrier.example/tb | NULL
            webhookUrl    | http://10.0.0.7:8443/hook     | NULL
            webhookUrl    | ftp://hooks.carrier.example   | absolute http:// or https:// address
            webhookUrl    | /relative/hook                | absolute http:// or https:// address
            webhookUrl    | https://                      | absolute http:// or https:// address
            """)
    void eachFieldHasItsRule(String field, String value, String problem) {
        ProviderDraft draft = with(field, value).normalised();

        Map<String, String> problems = draft.problems();

        if (problem == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).containsOnlyKeys(field);
            assertThat(problems.get(field)).contains(problem);
        }
    }

    @Test
    void aLegalNameHasAtMost300Characters() {
        assertThat(with("legalName", "x".repeat(300)).normalised().problems()).isEmpty();
        assertThat(with("legalName", "x".repeat(301)).normalised().problems()).containsOnlyKeys("legalName");
    }

    @Test
    void aProviderNamedByAnAnswerMayHaveNoContactEmailYet() {
        ProviderDraft unvetted = new ProviderDraft("Named Upstream", null, null, "US", "unknown", List.of(), null, null,
                null, false);

        assertThat(unvetted.normalised().problems()).isEmpty();
    }

    @Test
    void aWebhookSecretHasAtLeast16CharactersAndNeedsAWebhook() {
        assertThat(webhook("https://hooks.carrier.example", "sixteen-chars-ok").problems()).isEmpty();
        assertThat(webhook("https://hooks.carrier.example", null).problems()).as("generated").isEmpty();
        assertThat(webhook("https://hooks.carrier.example", "fifteen-chars!!").problems()).containsOnlyKeys("webhookSecret");
        assertThat(webhook(null, "sixteen-chars-ok").problems().get("webhookSecret")).contains("needs a webhook URL");
    }

    @Test
    void normalisingTrimsAndFixesCaseAndDropsRepeatedEmails() {
        ProviderDraft draft = new ProviderDraft("  Lakeshore Telecom LLC ", " 831407 ", " rmd0004107", " us ", " Terminating ",
                List.of(" traceback@lakeshore.example", "TRACEBACK@lakeshore.example", "", "noc@lakeshore.example"), "  ",
                " https://hooks.lakeshore.example ", " ", null).normalised();

        assertThat(draft).isEqualTo(new ProviderDraft("Lakeshore Telecom LLC", "831407", "RMD0004107", "US", "terminating",
                List.of("traceback@lakeshore.example", "noc@lakeshore.example"), null, "https://hooks.lakeshore.example",
                null, null));
    }

    @Test
    void everyProblemIsListedAtOnceInFormOrder() {
        ProviderDraft draft = new ProviderDraft("", "1", "RMD1", "XX", "carrier", List.of("x"), null, "mailto:x", null, true);

        assertThat(draft.normalised().problems()).containsOnlyKeys("legalName", "filer499Id", "rmdNumber", "country",
                "role", "contactEmails", "webhookUrl").extractingFromEntries(Map.Entry::getKey)
                .containsExactly("legalName", "filer499Id", "rmdNumber", "country", "role", "contactEmails", "webhookUrl");
    }

    private static ProviderDraft webhook(String url, String secret) {
        return new ProviderDraft(VALID.legalName(), VALID.filer499Id(), VALID.rmdNumber(), VALID.country(), VALID.role(),
                VALID.contactEmails(), VALID.contactPhone(), url, secret, true).normalised();
    }

    private static ProviderDraft with(String field, String value) {
        ProviderDraft d = VALID;
        return new ProviderDraft(
                field.equals("legalName") ? value : d.legalName(),
                field.equals("filer499Id") ? value : d.filer499Id(),
                field.equals("rmdNumber") ? value : d.rmdNumber(),
                field.equals("country") ? value : d.country(),
                field.equals("role") ? value : d.role(),
                field.equals("contactEmails") ? (value == null ? List.of() : List.of(value)) : d.contactEmails(),
                field.equals("contactPhone") ? value : d.contactPhone(),
                field.equals("webhookUrl") ? value : d.webhookUrl(),
                d.webhookSecret(), d.registered());
    }
}
