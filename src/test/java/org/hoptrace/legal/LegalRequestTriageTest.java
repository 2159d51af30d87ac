package org.hoptrace.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.hoptrace.HoptraceTest;
import org.hoptrace.agency.Agency;
import org.hoptrace.agency.AgencyFixtures;
import org.hoptrace.workflow.WorkflowEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** dmn/legal-request-triage.dmn, rule by rule, and the facts the process gives it. */
@HoptraceTest
class LegalRequestTriageTest {

    @Autowired WorkflowEngine engine;
    @Autowired ReviewFixtures fixtures;
    @Autowired AgencyFixtures agencies;

    @AfterEach
    void tidyUp() {
        engine.clock().reset();
        agencies.deactivateAll();
    }

    @ParameterizedTest(name = "{0} from {1}, complete={2}, emergency={3} -> {4} within {5} ({6})")
    @CsvSource({
            "emergency-disclosure, local-law-enforcement, false, true,  expedited, PT4H, EmergencyDisclosure",
            "emergency-disclosure, fcc,                   true,  true,  expedited, PT4H, EmergencyDisclosure",
            "subpoena,             fcc,                   false, true,  deficient, P1D,  IncompleteUrgent",
            "court-order,          other,                 false, true,  deficient, P1D,  IncompleteUrgent",
            "cid,                  state-attorney-general, false, false, deficient, P3D, Incomplete",
            "court-order,          other,                 false, false, deficient, P3D,  Incomplete",
            "court-order,          doj,                   true,  false, expedited, P1D,  CourtOrder",
            "court-order,          local-law-enforcement, true,  true,  expedited, P1D,  CourtOrder",
            "subpoena,             ftc,                   true,  true,  expedited, P1D,  UrgentReturnDate",
            "cid,                  local-law-enforcement, true,  true,  expedited, P1D,  UrgentReturnDate",
            "subpoena,             fcc,                   true,  false, standard,  P5D,  FederalOrAttorneyGeneral",
            "cid,                  state-attorney-general, true, false, standard,  P5D,  FederalOrAttorneyGeneral",
            "subpoena,             doj,                   true,  false, standard,  P5D,  FederalOrAttorneyGeneral",
            "subpoena,             state-regulator,       true,  false, standard,  P7D,  OtherAuthority",
            "cid,                  local-law-enforcement, true,  false, standard,  P7D,  OtherAuthority",
            "subpoena,             other,                 true,  false, standard,  P7D,  OtherAuthority"})
    void everyRuleDecidesItsCases(String type, String authority, boolean complete, boolean emergency, String triage,
                                  String sla, String rule) {
        List<Map<String, Object>> result = engine.evaluateDecision("legal-request-triage",
                Map.of("requestType", type, "authorityType", authority, "complete", complete, "emergency", emergency));

        assertThat(result).singleElement().isEqualTo(Map.of("triage", triage, "reviewSla", sla, "rule", rule));
    }

    @Test
    void aSubpoenaDueWithinThreeDaysIsAnEmergencyAndOneDueLaterIsNot() {
        ReviewCase soon = fixtures.submit(ReviewFixtures.Ask.subpoena().type(Agency.Type.STATE_REGULATOR, "subpoena").returnInDays(3));
        ReviewCase later = fixtures.submit(ReviewFixtures.Ask.subpoena().type(Agency.Type.STATE_REGULATOR, "subpoena").returnInDays(4));

        fixtures.task(soon, ReviewCompletionCheck.REVIEW_TASK);
        fixtures.task(later, ReviewCompletionCheck.REVIEW_TASK);

        assertThat(fixtures.current(soon).triage()).isEqualTo("expedited");
        assertThat(Duration.between(engine.clock().now(), fixtures.current(soon).reviewDueAt()))
                .isBetween(Duration.ofDays(1).minusMinutes(1), Duration.ofDays(1));
        assertThat(fixtures.current(later).triage()).isEqualTo("standard");
        assertThat(Duration.between(engine.clock().now(), fixtures.current(later).reviewDueAt()))
                .isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7));
    }

    @Test
    void aRequestWithoutADocumentOrScopeIsDeficientAndTheReviewerSeesWhatIsMissing() {
        ReviewCase bare = fixtures.submit(ReviewFixtures.Ask.subpoena().withoutDocument().scope(List.of(), List.of(), List.of()));

        var review = fixtures.task(bare, ReviewCompletionCheck.REVIEW_TASK);

        assertThat(fixtures.current(bare).triage()).isEqualTo("deficient");
        assertThat(fixtures.variables(review)).containsEntry("missing", "scope (numbers, providers, campaigns or tracebacks), document")
                .containsEntry("triage", "deficient").containsEntry("reference", bare.reference());
        assertThat(fixtures.actions(bare)).contains("triaged");
    }

    @Test
    void anEmergencyDisclosureRequestIsReviewedWithinFourHours() {
        ReviewCase emergency = fixtures.submit(ReviewFixtures.Ask.subpoena().type(Agency.Type.LOCAL_LAW_ENFORCEMENT,
                "emergency-disclosure").returnInDays(null));

        fixtures.task(emergency, ReviewCompletionCheck.REVIEW_TASK);

        assertThat(fixtures.current(emergency).triage()).isEqualTo("expedited");
        assertThat(Duration.between(engine.clock().now(), fixtures.current(emergency).reviewDueAt()))
                .isBetween(Duration.ofHours(4).minusMinutes(1), Duration.ofHours(4));
    }
}
