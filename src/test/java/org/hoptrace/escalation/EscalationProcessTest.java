package org.hoptrace.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;
import org.hoptrace.HoptraceTest;
import org.hoptrace.provider.Provider;
import org.hoptrace.traceback.Hop;
import org.hoptrace.traceback.TracebackFixtures;
import org.hoptrace.workflow.UserTask;
import org.hoptrace.workflow.WorkflowEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/** bpmn/provider-escalation.bpmn with its decision, form and workers, from a flag to its outcome. */
@HoptraceTest
class EscalationProcessTest {

    private static final String CHICAGO = "+13125550100";

    @Autowired EscalationFixtures fixtures;
    @Autowired TracebackFixtures tracebacks;
    @Autowired EscalationRepository escalations;
    @Autowired WorkflowEngine engine;
    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;
    @Value("${hoptrace.base-url}") String baseUrl;

    @AfterEach
    void resetClock() {
        engine.clock().reset();
    }

    @Test
    void aProviderThatAnswersItsWaitingHopsWithinTheCurePeriodIsCured() {
        Provider provider = fixtures.provider(Provider.Role.INTERMEDIATE, "US");
        Hop hop = fixtures.nonResponsiveHop(provider, CHICAGO);
        long flag = fixtures.flag(provider, hop);

        Escalation escalation = fixtures.inCurePeriod(fixtures.escalationOf(provider));
        assertThat(escalation.reference()).matches("ESC-\\d{4}-\\d{6}");
        assertThat(escalation.step()).isEqualTo(Ladder.WARNING);
        assertThat(Duration.between(escalation.startedAt(), escalation.stepDueAt())).isBetween(Duration.ofDays(14),
                Duration.ofDays(14).plusSeconds(30));
        assertThat(escalations.flag(flag).orElseThrow()).isNotNull();
        assertThat(jdbc.queryForObject("select escalation_id from provider_flag where flag_id = ?", UUID.class, flag))
                .isEqualTo(escalation.id());
        MimeMessage warning = await().atMost(Duration.ofSeconds(20)).until(() -> fixtures.emailsAbout(escalation).stream()
                .findFirst().orElse(null), m -> m != null);
        assertThat(EscalationFixtures.subject(warning)).startsWith("Warning notice: " + provider.legalName());
        assertThat(EscalationFixtures.recipients(warning)).containsExactlyElementsOf(provider.contactEmails());

        tracebacks.answerOrigin(hop);

        Escalation cured = fixtures.closed(escalation);
        assertThat(cured.outcome()).isEqualTo(Escalation.Outcome.CURED);
        assertThat(kinds(cured)).contains("opened", "step:warning", "cooperated", "closed").doesNotContain("step:review");
        assertThat(cooperationStatus(provider)).isEqualTo("cooperative");
    }

    @Test
    void withoutACureStaffReviewAndAConfirmationReferExactlyTheAgenciesTheRoutingPicks() {
        Provider gateway = fixtures.provider(Provider.Role.GATEWAY, "US");
        List<UUID> told = List.of(
                fixtures.agency("Illinois Attorney General", "state-attorney-general", List.of("IL"), List.of("non-cooperation-referral"), true),
                fixtures.agency("Anti-Robocall Litigation Task Force", "state-attorney-general", List.of("CA", "IL", "NY"), List.of("non-cooperation-referral"), true),
                fixtures.agency("FCC Enforcement Bureau", "fcc", List.of(), List.of("non-cooperation-referral", "campaign-alert"), true));
        List<UUID> notTold = List.of(
                fixtures.agency("Texas Attorney General", "state-attorney-general", List.of("TX"), List.of("non-cooperation-referral"), true),
                fixtures.agency("Federal Trade Commission", "ftc", List.of(), List.of("non-cooperation-referral"), true),
                fixtures.agency("Department of Justice", "doj", List.of(), List.of("non-cooperation-referral"), true),
                fixtures.agency("Illinois AG alerts desk", "state-attorney-general", List.of("IL"), List.of("campaign-alert"), true),
                fixtures.agency("Former Illinois AG office", "state-attorney-general", List.of("IL"), List.of("non-cooperation-referral"), false));
        fixtures.flag(gateway, fixtures.nonResponsiveHop(gateway, CHICAGO));
        Escalation escalation = fixtures.inCurePeriod(fixtures.escalationOf(gateway));

        fixtures.passStepPeriod(escalation);

        UserTask review = fixtures.reviewTask(escalation);
        assertThat(review.name()).isEqualTo("Review non-cooperation");
        assertThat(review.candidateGroups()).containsExactly("itg-staff");
        assertThat(review.formId()).isEqualTo("escalation-review");
        assertThat(fixtures.current(escalation).step()).isEqualTo(Ladder.REVIEW);
        Map<String, Object> shown = tasks.getVariables(review.taskKey());
        assertThat(shown).containsEntry("providerName", gateway.legalName())
                .containsEntry("escalationReference", escalation.reference())
                .containsEntry("scorecardUrl", baseUrl + "/cooperation/providers/" + gateway.id());
        assertThat((String) shown.get("flagSummary")).contains("non-responsive");
        await().atMost(Duration.ofSeconds(20)).until(() -> fixtures.emailsAbout(escalation).stream()
                .anyMatch(m -> EscalationFixtures.subject(m).startsWith("Review non-cooperation")
                        && EscalationFixtures.recipients(m).contains("itg-staff@hoptrace.example")));

        tasks.complete(review.taskKey(), Map.of("decision", "confirm", "reviewReason", "ignored three tracebacks"));

        fixtures.waitingAfter(escalation, Ladder.CEASE_AND_DESIST);
        Map<String, List<String>> referrals = await().atMost(Duration.ofSeconds(20)).until(
                () -> recipientsBySubjectStart(escalation, "Referral, Referral to agencies"),
                r -> r.values().stream().mapToInt(List::size).sum() >= told.size());
        Set<String> expected = told.stream().map(fixtures::agencyEmail).collect(Collectors.toCollection(java.util.HashSet::new));
        // agencies registered by others (e.g. the demo agencies) that the same rules pick for a gateway
        // provider whose called party is in Illinois: the state's attorneys general and the FCC
        expected.addAll(jdbc.queryForList("""
                select unnest(contact_emails) from agency
                where active and 'non-cooperation-referral' = any (notices) and not (agency_id = any (?))
                  and ((agency_type = 'state-attorney-general' and 'IL' = any (jurisdiction_states)) or agency_type = 'fcc')""",
                String.class, (Object) told.toArray(UUID[]::new)));
        assertThat(referrals.values().stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(expected);
        Set<String> cdRecipients = await().atMost(Duration.ofSeconds(20)).until(() -> recipientsBySubjectStart(escalation,
                "Referral, Cease-and-desist").values().stream().flatMap(List::stream).collect(Collectors.toSet()),
                r -> r.size() >= told.size());
        assertThat(cdRecipients).isEqualTo(expected);
        Set<String> everyone = fixtures.emailsAbout(escalation).stream().flatMap(m -> EscalationFixtures.recipients(m).stream())
                .collect(Collectors.toSet());
        assertThat(everyone).doesNotContainAnyElementsOf(notTold.stream().map(fixtures::agencyEmail).toList());
        assertThat(cooperationStatus(gateway)).isEqualTo("non-cooperative");
        assertThat(jdbc.queryForObject("select listed_non_cooperative_at is not null from provider where provider_id = ?",
                Boolean.class, gateway.id())).isTrue();
        assertThat(kinds(escalation)).contains("review:confirm", "step:referral", "status:non-cooperative",
                "step:cease-and-desist");
    }

    @Test
    void staffCanDowngradeTheProviderToWatch() {
        Provider provider = fixtures.provider(Provider.Role.INTERMEDIATE, "US");
        fixtures.flag(provider, fixtures.nonResponsiveHop(provider, CHICAGO));
        Escalation escalation = fixtures.inCurePeriod(fixtures.escalationOf(provider));
        fixtures.passStepPeriod(escalation);

        tasks.complete(fixtures.reviewTask(escalation).taskKey(),
                Map.of("decision", "downgrade", "reviewReason", "answered by phone, records promised"));

        Escalation closed = fixtures.closed(escalation);
        assertThat(closed.outcome()).isEqualTo(Escalation.Outcome.DOWNGRADED);
        assertThat(closed.outcomeReason()).isEqualTo("answered by phone, records promised");
        assertThat(cooperationStatus(provider)).isEqualTo("watch");
        assertThat(kinds(closed)).contains("review:downgrade", "status:watch", "closed").doesNotContain("step:referral");
    }

    @Test
    void aSecondFlagDuringARunningEscalationJoinsIt() {
        Provider provider = fixtures.provider(Provider.Role.INTERMEDIATE, "US");
        fixtures.flag(provider, fixtures.nonResponsiveHop(provider, CHICAGO));
        Escalation escalation = fixtures.inCurePeriod(fixtures.escalationOf(provider));

        long second = fixtures.flag(provider, fixtures.nonResponsiveHop(provider, "+12125550100"));

        await().atMost(Duration.ofSeconds(20)).until(() -> kinds(escalation).contains("flag-joined"));
        assertThat(escalations.list(provider.id(), null, 10)).hasSize(1);
        assertThat(jdbc.queryForObject("select escalation_id from provider_flag where flag_id = ?", UUID.class, second))
                .isEqualTo(escalation.id());
        assertThat(escalations.events(escalation.id())).filteredOn(e -> e.kind().equals("flag-joined"))
                .singleElement().satisfies(e -> assertThat(e.detail()).contains("flag " + second).contains("step warning"));
        assertThat(fixtures.current(escalation).isRunning()).isTrue();
    }

    @Test
    void theUniqueIndexLetsOnlyOneEscalationRunPerProvider() {
        Provider provider = fixtures.provider(Provider.Role.INTERMEDIATE, "US");

        var first = escalations.insertRunning(provider.id(), Ladder.WARNING);
        var second = escalations.insertRunning(provider.id(), Ladder.WARNING);

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        escalations.close(first.orElseThrow().id(), Escalation.Outcome.CANCELLED, "test row");
    }

    @Test
    void theWholeLadderRunsOnTheEngineClockAndSendsEachNoticeOnce() {
        Provider provider = fixtures.provider(Provider.Role.TERMINATING, "US");
        fixtures.flag(provider, fixtures.nonResponsiveHop(provider, CHICAGO));
        Escalation escalation = fixtures.inCurePeriod(fixtures.escalationOf(provider));
        fixtures.passStepPeriod(escalation);
        tasks.complete(fixtures.reviewTask(escalation).taskKey(), Map.of("decision", "confirm", "reviewReason", "no answer"));

        List<String> periods = List.of(Ladder.CEASE_AND_DESIST, Ladder.PUBLIC_NOTICE, Ladder.INITIAL_DETERMINATION,
                Ladder.FINAL_DETERMINATION);
        List<Duration> lengths = List.of(Duration.ofDays(14), Duration.ofDays(14), Duration.ofDays(14), Duration.ofDays(30));
        for (int i = 0; i < periods.size(); i++) {
            Escalation waiting = fixtures.waitingAfter(escalation, periods.get(i));
            assertThat(Duration.between(engine.clock().now(), waiting.stepDueAt()))
                    .isBetween(lengths.get(i).minusMinutes(1), lengths.get(i));
            fixtures.passStepPeriod(escalation);
        }

        Escalation completed = fixtures.closed(escalation);
        assertThat(completed.outcome()).isEqualTo(Escalation.Outcome.LADDER_COMPLETED);
        assertThat(completed.step()).isEqualTo(Ladder.RMD_REMOVAL);
        List<String> toProvider = List.of("Warning notice", "Referral to agencies", "Cease-and-desist letter", "Public notice",
                "Initial determination order", "Final determination", "Removal from the Robocall Mitigation Database");
        Map<String, Long> received = await().atMost(Duration.ofSeconds(20)).until(() -> fixtures.emailsAbout(escalation)
                        .stream().filter(m -> EscalationFixtures.recipients(m).equals(provider.contactEmails()))
                        .collect(Collectors.groupingBy(m -> EscalationFixtures.subject(m).split(":")[0], Collectors.counting())),
                r -> r.size() == toProvider.size());
        assertThat(received).containsOnlyKeys(toProvider).allSatisfy((subject, count) -> assertThat(count).isOne());
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where idempotency_key like ?", Integer.class,
                "escalation:" + escalation.id() + ":%:provider")).isEqualTo(toProvider.size());
    }

    private Map<String, List<String>> recipientsBySubjectStart(Escalation escalation, String start) {
        return fixtures.emailsAbout(escalation).stream().filter(m -> EscalationFixtures.subject(m).startsWith(start))
                .collect(Collectors.groupingBy(EscalationFixtures::subject, Collectors.flatMapping(
                        m -> EscalationFixtures.recipients(m).stream(), Collectors.toList())));
    }

    private List<String> kinds(Escalation escalation) {
        return escalations.events(escalation.id()).stream().map(EscalationEvent::kind).toList();
    }

    private String cooperationStatus(Provider provider) {
        return jdbc.queryForObject("select cooperation_status from provider where provider_id = ?", String.class, provider.id());
    }
}
