package org.hoptrace.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The registry's rules, field by field: a valid agency with one field changed, and the problem it gives. */
class AgencyDraftTest {

    private static final AgencyDraft VALID = new AgencyDraft("Illinois Attorney General", "state-attorney-general",
            List.of("IL"), List.of("robocalls@ag-il.example"), List.of("non-cooperation-referral", "campaign-alert"),
            List.of("ag-il.example"));

    /** List values are separated by spaces; NULL is an empty list. */
    @ParameterizedTest(name = "{0} = \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            name               | NULL                         | enter the agency's name
            name               | '   '                        | enter the agency's name
            name               | Cook County Sheriff          | NULL
            type               | NULL                         | choose one of state-attorney-general, fcc, ftc, doj
            type               | sheriff                      | choose one of state-attorney-general, fcc, ftc, doj
            type               | State-Attorney-General       | NULL
            type               | state-regulator              | NULL
            type               | local-law-enforcement        | NULL
            type               | other                        | NULL
            jurisdictionStates | il                           | NULL
            jurisdictionStates | IL IN WI                     | NULL
            jurisdictionStates | DC                           | NULL
            jurisdictionStates | PR GU VI AS MP               | NULL
            jurisdictionStates | XX                           | 'XX' is not a USPS state code
            jurisdictionStates | IL ILL                       | 'ILL' is not a USPS state code
            jurisdictionStates | FM                           | 'FM' is not a USPS state code
            jurisdictionStates | US                           | 'US' is not a USPS state code
            jurisdictionStates | NULL                         | a state-attorney-general needs at least one state
            contactEmails      | ag@ag-il.example             | NULL
            contactEmails      | ag@ag-il.example ag2@ag-il.example | NULL
            contactEmails      | ag@ag-il                     | 'ag@ag-il' is not an email address
            contactEmails      | ag.ag-il.example             | 'ag.ag-il.example' is not an email address
            contactEmails      | NULL                         | enter at least one contact email
            notices            | NULL                         | NULL
            notices            | campaign-alert               | NULL
            notices            | Campaign-Alert               | NULL
            notices            | non-cooperation-referral     | NULL
            notices            | subpoena                     | 'subpoena' is not a notice; choose from non-cooperation-referral, campaign-alert
            verifiedDomains    | NULL                         | NULL
            verifiedDomains    | AG-IL.Example                | NULL
            verifiedDomains    | @ag-il.example               | NULL
            verifiedDomains    | ag-il.example.               | NULL
            verifiedDomains    | xn--bcher-kva.example        | NULL
            verifiedDomains    | mail.ag.state.il.us          | NULL
            verifiedDomains    | localhost                    | 'localhost' is not a domain name
            verifiedDomains    | 10.0.0.7                     | '10.0.0.7' is not a domain name
            verifiedDomains    | -ag.example                  | '-ag.example' is not a domain name
            verifiedDomains    | ag_il.example                | 'ag_il.example' is not a domain name
            verifiedDomains    | ag..example                  | 'ag..example' is not a domain name
            verifiedDomains    | https://ag-il.example        | is not a domain name
            verifiedDomains    | someone@ag-il.example        | is not a domain name
            """)
    void eachFieldHasItsRule(String field, String value, String problem) {
        Map<String, String> problems = with(field, value).normalised().problems();

        if (problem == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).containsOnlyKeys(field);
            assertThat(problems.get(field)).contains(problem);
        }
    }

    @ParameterizedTest(name = "{0} with states \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            state-attorney-general | NULL  | a state-attorney-general needs at least one state
            state-regulator        | NULL  | a state-regulator needs at least one state
            local-law-enforcement  | NULL  | a local-law-enforcement needs at least one state
            fcc                    | NULL  | NULL
            ftc                    | NULL  | NULL
            doj                    | NULL  | NULL
            other                  | NULL  | NULL
            other                  | TX    | NULL
            fcc                    | IL    | a federal agency (fcc) is nationwide: leave the states empty
            ftc                    | NY CA | a federal agency (ftc) is nationwide: leave the states empty
            doj                    | DC    | a federal agency (doj) is nationwide: leave the states empty
            """)
    void stateAgenciesNameStatesAndFederalAgenciesNone(String type, String states, String problem) {
        AgencyDraft draft = new AgencyDraft(VALID.name(), type, list(states), VALID.contactEmails(), VALID.notices(),
                VALID.verifiedDomains());

        Map<String, String> problems = draft.normalised().problems();

        if (problem == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).containsExactly(Map.entry("jurisdictionStates", problem));
        }
    }

    @Test
    void aNameHasAtMost300Characters() {
        assertThat(with("name", "x".repeat(300)).normalised().problems()).isEmpty();
        assertThat(with("name", "x".repeat(301)).normalised().problems()).containsOnlyKeys("name");
    }

    @Test
    void atMostTwentyContactEmails() {
        List<String> twenty = java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> "c" + i + "@ag.example").toList();
        List<String> twentyOne = java.util.stream.IntStream.rangeClosed(1, 21).mapToObj(i -> "c" + i + "@ag.example").toList();

        assertThat(emails(twenty).normalised().problems()).isEmpty();
        assertThat(emails(twentyOne).normalised().problems()).containsOnlyKeys("contactEmails");
    }

    @Test
    void normalisingTrimsFixesCaseAndDropsRepeats() {
        AgencyDraft draft = new AgencyDraft("  Illinois Attorney General ", " State-Attorney-General ",
                Arrays.asList(" in", "IL", "", "il", null),
                List.of(" robocalls@ag-il.example", "ROBOCALLS@ag-il.example", " ", "Consumer@AG-IL.example"),
                List.of("Campaign-Alert", "campaign-alert", "non-cooperation-referral"),
                List.of(" @AG-IL.example", "ag-il.example.", "Cyber.AG-IL.example")).normalised();

        assertThat(draft).isEqualTo(new AgencyDraft("Illinois Attorney General", "state-attorney-general",
                List.of("IL", "IN"), List.of("robocalls@ag-il.example", "Consumer@AG-IL.example"),
                List.of("campaign-alert", "non-cooperation-referral"), List.of("ag-il.example", "cyber.ag-il.example")));
        assertThat(draft.problems()).isEmpty();
    }

    @Test
    void everyProblemIsListedAtOnceInFormOrder() {
        AgencyDraft draft = new AgencyDraft("", "sheriff", List.of("XX"), List.of("x"), List.of("alert"), List.of("x"));

        assertThat(draft.normalised().problems()).extractingFromEntries(Map.Entry::getKey)
                .containsExactly("name", "type", "jurisdictionStates", "contactEmails", "notices", "verifiedDomains");
    }

    @Test
    void anAgencyVerifiesOnlyAddressesAtItsOwnDomains() {
        Agency agency = new Agency(null, "Illinois Attorney General", Agency.Type.STATE_ATTORNEY_GENERAL, java.util.Set.of("IL"),
                List.of("robocalls@ag-il.example"), java.util.Set.of(), List.of("ag-il.example"), true, null, null);

        assertThat(agency.isVerifiedEmail("investigator@ag-il.example")).isTrue();
        assertThat(agency.isVerifiedEmail("Investigator@AG-IL.Example")).isTrue();
        assertThat(agency.isVerifiedEmail("investigator@cyber.ag-il.example")).as("subdomain not listed").isFalse();
        assertThat(agency.isVerifiedEmail("investigator@ag-il.example.attacker.example")).isFalse();
        assertThat(agency.isVerifiedEmail("ag-il.example")).isFalse();
        assertThat(agency.isVerifiedEmail("investigator@")).isFalse();
        assertThat(agency.isVerifiedEmail(null)).isFalse();
    }

    private static AgencyDraft emails(List<String> emails) {
        return new AgencyDraft(VALID.name(), VALID.type(), VALID.jurisdictionStates(), emails, VALID.notices(),
                VALID.verifiedDomains());
    }

    private static AgencyDraft with(String field, String value) {
        AgencyDraft d = VALID;
        return new AgencyDraft(
                field.equals("name") ? value : d.name(),
                field.equals("type") ? value : d.type(),
                field.equals("jurisdictionStates") ? list(value) : d.jurisdictionStates(),
                field.equals("contactEmails") ? list(value) : d.contactEmails(),
                field.equals("notices") ? list(value) : d.notices(),
                field.equals("verifiedDomains") ? list(value) : d.verifiedDomains());
    }

    private static List<String> list(String value) {
        return value == null ? List.of() : List.of(value.split(" "));
    }
}
