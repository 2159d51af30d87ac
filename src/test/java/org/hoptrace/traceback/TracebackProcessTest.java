package org.hoptrace.traceback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hoptrace.HoptraceTest;
import org.hoptrace.provider.Provider;
import org.hoptrace.workflow.WorkflowEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** bpmn/traceback.bpmn with its decisions and workers, on the embedded engine as deployed at start-up. */
@HoptraceTest
class TracebackProcessTest {

    @Autowired TracebackFixtures fixtures;
    @Autowired TracebackRepository tracebacks;
    @Autowired TracebackService service;
    @Autowired WorkflowEngine engine;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        engine.clock().reset();
    }

    @Test
    void aSixHopTracebackEndsAtTheOrigin() {
        List<Provider> chain = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            chain.add(fixtures.provider("US"));
        }
        Traceback traceback = fixtures.open(chain.get(0));
        assertThat(traceback.reference()).matches("TB-\\d{4}-\\d{6}");

        for (int number = 1; number <= 5; number++) {
            Hop hop = fixtures.requestedHop(traceback.id(), number);
            assertThat(hop.providerId()).isEqualTo(chain.get(number - 1).id());
            assertThat(fixtures.answerUpstream(hop, chain.get(number))).isEqualTo(AnsweringHop.Result.RECORDED);
        }
        fixtures.answerOrigin(fixtures.requestedHop(traceback.id(), 6));

        Traceback ended = fixtures.ended(traceback.id());
        assertThat(ended.outcome()).isEqualTo(Traceback.Outcome.ORIGIN_FOUND);
        assertThat(ended.outcomeReason()).contains("hop 6").contains(chain.get(5).legalName());
        assertThat(tracebacks.hops(traceback.id())).hasSize(6).allMatch(hop -> hop.status() == Hop.Status.ANSWERED);
        assertThat(outboxSubjects(traceback)).hasSize(6).allMatch(subject -> subject.startsWith("Traceback request"));
    }

    @Test
    void aForeignUpstreamEndsTheTracebackAtThePointOfEntry() {
        Provider gateway = fixtures.provider("US");
        Traceback traceback = fixtures.open(gateway);

        fixtures.answerUnregisteredUpstream(fixtures.requestedHop(traceback.id(), 1), "Overseas Telecom Ltd", "GB");

        Traceback ended = fixtures.ended(traceback.id());
        assertThat(ended.outcome()).isEqualTo(Traceback.Outcome.FOREIGN_POINT_OF_ENTRY);
        assertThat(tracebacks.hops(traceback.id())).hasSize(1);
        assertThat(jdbc.queryForObject("select registered from provider where legal_name = 'Overseas Telecom Ltd'",
                Boolean.class)).isFalse();
    }

    @Test
    void aProviderThatCannotFindTheCallEndsTheTracebackAsNotFound() {
        Traceback traceback = fixtures.open(fixtures.provider("US"));

        fixtures.answerNotFound(fixtures.requestedHop(traceback.id(), 1));

        assertThat(fixtures.ended(traceback.id()).outcome()).isEqualTo(Traceback.Outcome.NOT_FOUND);
    }

    @Test
    void aCircularReferralEndsAsADeadEnd() {
        Provider first = fixtures.provider("US");
        Provider second = fixtures.provider("US");
        Traceback traceback = fixtures.open(first);

        fixtures.answerUpstream(fixtures.requestedHop(traceback.id(), 1), second);
        fixtures.answerUpstream(fixtures.requestedHop(traceback.id(), 2), first);

        Traceback ended = fixtures.ended(traceback.id());
        assertThat(ended.outcome()).isEqualTo(Traceback.Outcome.DEAD_END);
        assertThat(tracebacks.hops(traceback.id())).hasSize(2);
    }

    @Test
    void aNonResponsiveProviderIsRemindedThenMarkedFlaggedAndReportedToStaff() {
        Provider silent = fixtures.provider("US");
        Traceback traceback = fixtures.open(silent);
        Hop hop = fixtures.waitingHop(traceback.id(), 1);
        assertThat(Duration.between(hop.reminderAt(), hop.deadline())).isEqualTo(Duration.ofHours(4));

        advanceTo(hop.reminderAt().plusSeconds(60));
        await().atMost(Duration.ofSeconds(10)).until(() -> tracebacks.getHop(hop.id()).remindedAt() != null);
        assertThat(outboxSubjects(traceback)).anyMatch(subject -> subject.startsWith("Reminder: traceback request"));
        assertThat(tracebacks.get(traceback.id()).status()).isEqualTo(Traceback.Status.OPEN);

        advanceTo(hop.deadline().plusSeconds(60));
        Traceback ended = fixtures.ended(traceback.id());

        assertThat(ended.outcome()).isEqualTo(Traceback.Outcome.NON_RESPONSIVE);
        assertThat(tracebacks.getHop(hop.id()).status()).isEqualTo(Hop.Status.NON_RESPONSIVE);
        assertThat(jdbc.queryForObject("select count(*) from provider_flag where provider_id = ? and reason = 'non-responsive'",
                Integer.class, silent.id())).isOne();
        assertThat(jdbc.queryForObject("select recipient from outbox_message where subject like 'Non-responsive provider:%' "
                + "and subject like ?", String.class, "%" + traceback.reference() + "%")).isEqualTo("itg-staff@hoptrace.example");
    }

    @Test
    void aLateAnswerIsRecordedAsLateAndReopeningTheHopRoutesIt() {
        Provider slow = fixtures.provider("US");
        Traceback traceback = fixtures.open(slow);
        Hop hop = fixtures.waitingHop(traceback.id(), 1);
        advanceTo(hop.deadline().plusSeconds(60));
        fixtures.ended(traceback.id());

        assertThat(fixtures.answerOrigin(tracebacks.getHop(hop.id()))).isEqualTo(AnsweringHop.Result.RECORDED_LATE);
        assertThat(tracebacks.answer(hop.id()).orElseThrow().late()).isTrue();
        assertThat(tracebacks.getHop(hop.id()).status()).isEqualTo(Hop.Status.NON_RESPONSIVE);

        // reopening publishes the recorded answer before the new instance has opened its subscription:
        // the message waits in the buffer and is not lost
        service.reopen(hop.id());

        assertThat(fixtures.ended(traceback.id()).outcome()).isEqualTo(Traceback.Outcome.ORIGIN_FOUND);
        assertThat(jdbc.queryForObject("select count(*) from workflow_message where correlation_key = ? "
                + "and correlated_at is not null", Integer.class, hop.id().toString())).isOne();
    }

    @Test
    void aRequestSentOnFridayEveningIsDueTwentyFourHoursAfterMondayEightOClock() {
        java.time.ZoneId eastern = java.time.ZoneId.of("America/New_York");
        java.time.ZonedDateTime fridayEvening = engine.clock().now().atZone(eastern)
                .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.FRIDAY))
                .withHour(19).withMinute(30).withSecond(0).withNano(0);
        advanceTo(fridayEvening.toInstant());
        Traceback traceback = fixtures.open(fixtures.provider("US"));

        Hop hop = fixtures.requestedHop(traceback.id(), 1);

        java.time.ZonedDateTime mondayOpening = fridayEvening.plusDays(3).withHour(8).withMinute(0);
        assertThat(hop.deadline()).isEqualTo(mondayOpening.plusHours(24).toInstant());
        assertThat(hop.deadline().atZone(eastern).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.TUESDAY);
    }

    @Test
    void aRequestSentWithinBusinessHoursIsDueTwentyFourHoursLater() {
        java.time.ZoneId eastern = java.time.ZoneId.of("America/New_York");
        java.time.ZonedDateTime tuesdayMorning = engine.clock().now().atZone(eastern)
                .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.TUESDAY))
                .withHour(10).withMinute(0).withSecond(0).withNano(0);
        advanceTo(tuesdayMorning.toInstant());
        Traceback traceback = fixtures.open(fixtures.provider("US"));

        Hop hop = fixtures.requestedHop(traceback.id(), 1);

        assertThat(hop.deadline()).isEqualTo(hop.requestedAt().plus(Duration.ofHours(24)));
    }

    @Test
    void theHopLimitEndsALongChainAsADeadEnd() {
        Provider first = fixtures.provider("US");
        Traceback traceback = tracebacks.insert(new NewTraceback("+12025550143", "+13125550178",
                Instant.parse("2026-11-20T15:04:05Z"), null, null, null, first.id(), Traceback.Priority.NORMAL), "staff");
        engine.startProcess(TracebackService.PROCESS_ID, Map.of("tracebackId", traceback.id().toString(), "maxHops", 2));

        fixtures.answerUpstream(fixtures.requestedHop(traceback.id(), 1), fixtures.provider("US"));
        fixtures.answerUpstream(fixtures.requestedHop(traceback.id(), 2), fixtures.provider("US"));

        Traceback ended = fixtures.ended(traceback.id());
        assertThat(ended.outcome()).isEqualTo(Traceback.Outcome.DEAD_END);
        assertThat(tracebacks.hops(traceback.id())).hasSize(2);
    }

    private void advanceTo(Instant target) {
        Duration gap = Duration.between(engine.clock().now(), target);
        if (!gap.isNegative()) {
            engine.clock().advance(gap);
        }
    }

    private List<String> outboxSubjects(Traceback traceback) {
        return jdbc.queryForList("select subject from outbox_message where subject like ? and channel = 'email' "
                + "order by message_id", String.class, "%" + traceback.reference() + "%");
    }
}
