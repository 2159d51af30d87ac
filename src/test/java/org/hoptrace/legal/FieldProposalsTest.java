package org.hoptrace.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hoptrace.legal.FieldProposals.DateRangeProposal;
import org.hoptrace.legal.FieldProposals.KnownProvider;
import org.hoptrace.legal.FieldProposals.Proposal;
import org.hoptrace.legal.FieldProposals.ProviderProposal;
import org.junit.jupiter.api.Test;

/** What Hoptrace proposes from the text of a document, and what it leaves alone. */
class FieldProposalsTest {

    private static final KnownProvider ACME = new KnownProvider(UUID.randomUUID(), "Acme Telecom LLC");
    private static final KnownProvider ACE = new KnownProvider(UUID.randomUUID(), "Ace");

    @Test
    void caseNumbersAreFoundAfterTheirLabelAndNotRepeated() {
        Map<String, Object> found = FieldProposals.find("""
                In re: Robocalls. Docket No. 3:26-cv-00417. Civil Action No.: 3:26-cv-00417 (same case).
                Matter # AG-2026/118. The number 42 alone is no case number.""", List.of());

        assertThat(values(found, "caseNumbers")).containsExactly("3:26-CV-00417", "AG-2026/118");
    }

    @Test
    void returnDatesAreDatesNearAReturnPhraseInAnyUsualNotation() {
        Map<String, Object> found = FieldProposals.find("""
                Issued on January 5, 2026. Return date: Feb. 16th, 2026. Documents must be produced by 2026-02-20.
                Respond no later than 3/1/2026. Hearing held 12 April 2026.""", List.of());

        assertThat(values(found, "returnDates")).containsExactly("2026-02-16", "2026-02-20", "2026-03-01");
    }

    @Test
    void phoneNumbersAreProposedInE164AndNonNumbersAreNot() {
        Map<String, Object> found = FieldProposals.find("""
                Calls from (202) 555-0143, 202.555.0143 again, +1-312-555-0178, 13125550179 and +44 20 7946 0958.
                Not numbers: 2026-01-31, LR-2026-000042, 123-456-7890 (no such area code), account 99912345678901234.""",
                List.of());

        assertThat(values(found, "phoneNumbers"))
                .containsExactly("+12025550143", "+13125550178", "+13125550179", "+442079460958");
    }

    @Test
    void providersOfTheRegistryAreMatchedIgnoringCaseAndLineBreaksButOnlyAsWholeWords() {
        Map<String, Object> found = FieldProposals.find("Records of ACME TELECOM\nLLC and of Aceline Networks.",
                List.of(ACME, ACE));

        assertThat(found.get("providers")).asList().singleElement().satisfies(p -> {
            ProviderProposal provider = (ProviderProposal) p;
            assertThat(provider.providerId()).isEqualTo(ACME.id());
            assertThat(provider.name()).isEqualTo("Acme Telecom LLC");
            assertThat(provider.snippet()).contains("ACME TELECOM LLC");
        });
    }

    @Test
    void dateRangesNeedTwoRealDatesInOrder() {
        Map<String, Object> found = FieldProposals.find("""
                For calls between 2026-01-01 and 2026-01-31, and from March 1, 2026 through March 15, 2026;
                not from 2026-05-10 to 2026-05-01 (backwards) nor 2026-02-30 to 2026-03-02 (no such day).""", List.of());

        assertThat(found.get("dateRanges")).asList().map(r -> List.of(((DateRangeProposal) r).from(), ((DateRangeProposal) r).to()))
                .containsExactly(List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)),
                        List.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 15)));
    }

    @Test
    void eachProposalCarriesTheTextAroundIt() {
        String text = "x".repeat(200) + " Case No. 26-1234 " + "y".repeat(200);

        Proposal proposal = (Proposal) ((List<?>) FieldProposals.find(text, List.of()).get("caseNumbers")).get(0);

        assertThat(proposal.snippet()).startsWith("\u2026").endsWith("\u2026").contains("Case No. 26-1234").hasSizeLessThan(130);
    }

    @Test
    void noTextProposesNothing() {
        assertThat(FieldProposals.find("", List.of(ACME))).allSatisfy((field, proposals) -> assertThat((List<?>) proposals).isEmpty());
    }

    private static List<String> values(Map<String, Object> found, String field) {
        return ((List<?>) found.get(field)).stream().map(p -> ((Proposal) p).value()).toList();
    }
}
