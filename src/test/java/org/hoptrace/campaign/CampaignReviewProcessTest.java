package org.hoptrace.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;
import org.hoptrace.HoptraceTest;
import org.hoptrace.escalation.EscalationFixtures;
import org.hoptrace.provider.Provider;
import org.hoptrace.traceback.TracebackFixtures;
import org.hoptrace.workflow.UserTask;
import org.hoptrace.workflow.WorkflowEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Thresholds on CampaignsUpdated and bpmn/campaign-review.bpmn with its decisions, form and workers. */
@HoptraceTest
class CampaignReviewProcessTest {

    @Autowired CampaignReviewFixtures fixtures;
    @Autowired TracebackFixtures tracebacks;
    @Autowired EscalationFixtures agencies;
    @Autowired WorkflowEngine engine;
    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        engine.clock().reset();
    }

    @Test
    void eachThresholdIsActedOnOnceHoweverOftenTheCampaignIsUpdated() {
        Provider terminating = fixtures.provider();
        UUID campaign = fixtures.campaign("Extended warranty", "auto-warranty", 1200, "{\"IL\": 1200}");
        fixtures.calls(campaign, fixtures.source(terminating), 8);

        fixtures.updated(campaign);
        fixtures.updated(campaign);
        fixtures.callCount(campaign, 1500);
        fixtures.updated(campaign);

        assertThat(fixtures.thresholds(campaign)).containsExactly("volume-1000");
        fixtures.reviewTask(fixtures.processInstance(campaign, "volume-1000"));
        assertThat(fixtures.processes(campaign)).isEqualTo(1);
        assertThat(fixtures.tracebacksOf(campaign)).isEmpty();

        fixtures.callCount(campaign, 10_000);
        fixtures.updated(campaign);
        fixtures.updated(campaign);

        assertThat(fixtures.thresholds(campaign)).containsExactly("volume-1000", "volume-10000");
        List<UUID> started = fixtures.awaitTracebacks(campaign, 5);
        fixtures.callCount(campaign, 12_000);
        fixtures.updated(campaign);
        fixtures.waitingForTracebacks(fixtures.processInstance(campaign, "volume-10000"));
        assertThat(fixtures.tracebacksOf(campaign)).hasSize(5).containsExactlyElementsOf(started);
        assertThat(fixtures.processes(campaign)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(distinct calling_number) from traceback where campaign_id = ?",
                Integer.class, campaign)).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from traceback where campaign_id = ? and terminating_provider_id = ? "
                + "and attestation = 'A' and origination_id is not null", Integer.class, campaign, terminating.id())).isEqualTo(5);
        assertThat(fixtures.status(campaign)).isEqualTo("tracing");
    }

    @Test
    void staffDecideToTraceWatchOrDismissInTheReview() {
        Provider terminating = fixtures.provider();
        UUID source = fixtures.source(terminating);
        UUID traced = fixtures.campaign("Card interest", "credit-card-interest", 1000, "{\"TX\": 1000}");
        UUID watched = fixtures.campaign("Student loan relief", "student-loans", 1000, "{}");
        UUID dismissed = fixtures.campaign("Pharmacy reminders", "other", 1000, "{\"CA\": 1000}");
        for (UUID campaign : List.of(traced, watched, dismissed)) {
            fixtures.calls(campaign, source, 4);
        }

        fixtures.updated(traced, watched, dismissed);

        UserTask review = fixtures.reviewTask(fixtures.processInstance(traced, "volume-1000"));
        assertThat(review.name()).isEqualTo("Review campaign");
        assertThat(review.candidateGroups()).containsExactly("itg-staff");
        assertThat(review.formId()).isEqualTo("campaign-review");
        Map<String, Object> shown = tasks.getVariables(review.taskKey());
        assertThat(shown).containsEntry("campaignReference", fixtures.reference(traced)).containsEntry("campaignName", "Card interest")
                .containsEntry("threshold", "volume-1000");
        assertThat((String) shown.get("campaignSummary")).contains("credit-card-interest").contains("TX 1000");
        assertThat((String) shown.get("campaignUrl")).endsWith("/campaigns/" + traced);

        tasks.complete(review.taskKey(), Map.of("decision", "trace", "reviewReason", "clearly illegal"));
        tasks.complete(fixtures.reviewTask(fixtures.processInstance(watched, "volume-1000")).taskKey(),
                Map.of("decision", "watch", "reviewReason", "volume still small"));
        String dismissedProcess = fixtures.processInstance(dismissed, "volume-1000");
        tasks.complete(fixtures.reviewTask(dismissedProcess).taskKey(),
                Map.of("decision", "dismiss", "reviewReason", "lawful reminders"));

        assertThat(fixtures.awaitTracebacks(traced, 3)).hasSize(3);
        assertThat(fixtures.status(traced)).isEqualTo("tracing");
        assertThat(fixtures.endEvent(fixtures.processInstance(watched, "volume-1000"))).isEqualTo("EndEvent_Watched");
        assertThat(fixtures.endEvent(dismissedProcess)).isEqualTo("EndEvent_Dismissed");
        assertThat(fixtures.status(watched)).isEqualTo("watch");
        assertThat(fixtures.status(dismissed)).isEqualTo("dismissed");
        assertThat(fixtures.tracebacksOf(watched)).isEmpty();
        assertThat(fixtures.tracebacksOf(dismissed)).isEmpty();

        fixtures.callCount(dismissed, 50_000);
        fixtures.updated(dismissed);
        assertThat(fixtures.thresholds(dismissed)).containsExactly("volume-1000");
    }

    @Test
    void whenTheTracebacksFindOriginsExactlyTheAgenciesTheRoutingPicksAreAlertedOnce() {
        Provider terminating = fixtures.provider();
        UUID campaign = fixtures.campaign("Social Security suspended", "government-impersonation", 1000, "{\"IL\": 700, \"WI\": 300}");
        fixtures.calls(campaign, fixtures.source(terminating), 5);
        List<UUID> told = List.of(
                agencies.agency("Illinois Attorney General", "state-attorney-general", List.of("IL"), List.of("campaign-alert"), true),
                agencies.agency("Robocall Task Force", "state-attorney-general", List.of("CA", "IL", "NY"), List.of("campaign-alert"), true),
                agencies.agency("Federal Trade Commission", "ftc", List.of(), List.of("campaign-alert"), true),
                agencies.agency("Department of Justice", "doj", List.of(), List.of("campaign-alert", "non-cooperation-referral"), true));
        List<UUID> notTold = List.of(
                agencies.agency("Texas Attorney General", "state-attorney-general", List.of("TX"), List.of("campaign-alert"), true),
                agencies.agency("FCC Enforcement Bureau", "fcc", List.of(), List.of("campaign-alert"), true),
                agencies.agency("Illinois Commerce Commission", "state-regulator", List.of("IL"), List.of("campaign-alert"), true),
                agencies.agency("Illinois AG referrals desk", "state-attorney-general", List.of("IL"), List.of("non-cooperation-referral"), true),
                agencies.agency("Former Wisconsin AG office", "state-attorney-general", List.of("WI"), List.of("campaign-alert"), false));

        fixtures.updated(campaign);

        assertThat(fixtures.thresholds(campaign)).containsExactly("impersonation-1000");
        String process = fixtures.processInstance(campaign, "impersonation-1000");
        List<UUID> started = fixtures.awaitTracebacks(campaign, 3);
        assertThat(started).hasSize(3);
        for (UUID traceback : started) {
            tracebacks.answerOrigin(tracebacks.waitingHop(traceback, 1));
            tracebacks.ended(traceback);
        }
        fixtures.waitingForTracebacks(process);
        engine.clock().advance(Duration.ofMinutes(61));

        assertThat(fixtures.endEvent(process)).isEqualTo("EndEvent_Alerted");
        String reference = fixtures.reference(campaign);
        Set<String> expected = told.stream().map(agencies::agencyEmail).collect(Collectors.toCollection(HashSet::new));
        // agencies registered by others (e.g. demo agencies) that the same rules pick: attorneys general of IL or WI
        // or nationwide, the FTC and the DOJ, active and wanting campaign alerts
        expected.addAll(jdbc.queryForList("""
                select unnest(contact_emails) from agency
                where active and 'campaign-alert' = any (notices) and not (agency_id = any (?))
                  and agency_type in ('state-attorney-general', 'ftc', 'doj')
                  and (cardinality(jurisdiction_states) = 0 or jurisdiction_states && '{IL,WI}'::char(2)[])""",
                String.class, (Object) told.toArray(UUID[]::new)));
        List<MimeMessage> alerts = await().atMost(Duration.ofSeconds(20)).until(() -> fixtures.emailsAbout(reference).stream()
                .filter(m -> CampaignReviewFixtures.subject(m).startsWith("Campaign alert")).toList(), l -> l.size() >= expected.size());
        List<String> recipients = alerts.stream().flatMap(m -> CampaignReviewFixtures.recipients(m).stream()).toList();
        assertThat(recipients).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(recipients).doesNotContainAnyElementsOf(notTold.stream().map(agencies::agencyEmail).toList());
        assertThat(jdbc.queryForObject("select count(*) from campaign_alert where campaign_id = ?", Integer.class, campaign))
                .isEqualTo(expected.size());
        String body = jdbc.queryForObject("select body from outbox_message where idempotency_key = ?", String.class,
                "campaign-alert:%s:%s:impersonation-1000".formatted(campaign, told.get(0)));
        assertThat(body).contains(reference).contains("IL 700, WI 300").contains("Dialer Express Inc.")
                .contains("/campaigns/" + campaign).contains("origin-found");
    }

    @Test
    void aCampaignWhoseTracebacksFindNoOriginAlertsNobody() {
        Provider terminating = fixtures.provider();
        UUID campaign = fixtures.campaign("Auto warranty surge", "auto-warranty", 600, "{\"IL\": 600}");
        fixtures.calls(campaign, fixtures.source(terminating), 3);
        fixtures.volume(campaign, 1, 550);
        fixtures.volume(campaign, 30, 50);

        fixtures.updated(campaign);

        assertThat(fixtures.thresholds(campaign)).containsExactly("surge-500");
        String process = fixtures.processInstance(campaign, "surge-500");
        for (UUID traceback : fixtures.awaitTracebacks(campaign, 3)) {
            tracebacks.answerNotFound(tracebacks.waitingHop(traceback, 1));
            tracebacks.ended(traceback);
        }
        fixtures.waitingForTracebacks(process);
        engine.clock().advance(Duration.ofMinutes(61));

        assertThat(fixtures.endEvent(process)).isEqualTo("EndEvent_NoOrigin");
        assertThat(jdbc.queryForObject("select count(*) from campaign_alert where campaign_id = ?", Integer.class, campaign)).isZero();
    }

    @Test
    void aCampaignWithoutATraceableCallEndsWithNothingToTrace() {
        UUID campaign = fixtures.campaign("Unknown carrier calls", "government-impersonation", 1000, "{}");
        fixtures.calls(campaign, fixtures.source(null), 3);

        fixtures.updated(campaign);

        assertThat(fixtures.endEvent(fixtures.processInstance(campaign, "impersonation-1000"))).isEqualTo("EndEvent_NothingToTrace");
        assertThat(fixtures.tracebacksOf(campaign)).isEmpty();
    }
}
