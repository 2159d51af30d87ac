package org.hoptrace.cooperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.hoptrace.HoptraceTest;
import org.hoptrace.provider.Provider;
import org.hoptrace.traceback.Hop;
import org.hoptrace.traceback.Traceback;
import org.hoptrace.traceback.TracebackFixtures;
import org.hoptrace.traceback.TracebackRepository;
import org.hoptrace.workflow.WorkflowEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The cooperation record's counts (docs/cooperation.md), each one, in both windows and at their edges. */
@HoptraceTest
class CooperationRecordTest {

    @Autowired CooperationRecords records;
    @Autowired TracebackFixtures fixtures;
    @Autowired TracebackRepository tracebacks;
    @Autowired JdbcTemplate jdbc;
    @Autowired WorkflowEngine engine;
    @Autowired Clock clock;

    @AfterEach
    void resetClock() {
        engine.clock().reset();
    }

    @Test
    void everyCountFollowsItsDefinitionInBothWindows() {
        HopHistory history = new HopHistory(jdbc);
        UUID p = fixtures.provider("US").id();
        UUID usUpstream = fixtures.provider("US").id();
        UUID foreign = fixtures.provider("GB").id();
        Instant at = Instant.parse("2026-06-30T12:00:00Z");

        UUID onTime = history.hop(p, days(at, 10), "answered");
        history.answer(onTime, "upstream-registered", usUpstream, days(at, 10).plus(Duration.ofHours(3)));
        UUID late = history.hop(p, days(at, 20), "non-responsive");
        history.answer(late, "origin", null, days(at, 18));
        history.hop(p, days(at, 30), "non-responsive");                                   // never answered
        history.hop(p, at.minus(Duration.ofHours(1)), "requested");                       // not due yet
        history.hop(p, days(at, 5), "cancelled");                                         // withdrawn
        UUID notFound = history.hop(p, days(at, 40), "answered");
        history.answer(notFound, "not-found", null, days(at, 40).plus(Duration.ofHours(1)));
        UUID gateway = history.hop(history.traceback(p, "foreign-point-of-entry"), p, days(at, 50), "answered");
        history.answer(gateway, "upstream-registered", foreign, days(at, 50).plus(Duration.ofHours(2)));
        UUID circular = history.hop(history.traceback(p, "dead-end"), p, days(at, 55), "answered");
        history.answer(circular, "upstream-registered", foreign, days(at, 55).plus(Duration.ofHours(2)));
        UUID insufficient = history.hop(p, days(at, 60), "answered");
        history.answer(insufficient, "upstream-registered", usUpstream, days(at, 60).plus(Duration.ofHours(2)));
        history.markInsufficient(insufficient, days(at, 59));
        UUID markedLater = history.hop(p, days(at, 61), "answered");
        history.answer(markedLater, "upstream-registered", usUpstream, days(at, 61).plus(Duration.ofHours(2)));
        history.markInsufficient(markedLater, at.plus(Duration.ofHours(1)));
        UUID answeredLater = history.hop(p, days(at, 2), "answered");                     // deadline passed before at
        history.answer(answeredLater, "upstream-registered", usUpstream, at.plus(Duration.ofHours(1)));
        UUID older = history.hop(p, days(at, 200), "answered");
        history.answer(older, "origin", null, days(at, 200).plus(Duration.ofHours(5)));
        UUID tooOld = history.hop(p, days(at, 400), "answered");
        history.answer(tooOld, "origin", null, days(at, 400).plus(Duration.ofHours(5)));

        CooperationRecord record = records.of(p, at).orElseThrow();

        CooperationRecord.Window shortWindow = record.last90Days();
        assertThat(shortWindow.from()).isEqualTo(days(at, 90));
        assertThat(shortWindow.to()).isEqualTo(at);
        assertThat(shortWindow.requested()).as("requested").isEqualTo(10);
        assertThat(shortWindow.answeredOnTime()).as("answered on time").isEqualTo(6);
        assertThat(shortWindow.answeredLate()).as("answered late").isEqualTo(1);
        assertThat(shortWindow.nonResponsive()).as("non-responsive").isEqualTo(3);
        assertThat(shortWindow.notFound()).as("not found").isEqualTo(1);
        assertThat(shortWindow.origin()).as("origin").isEqualTo(1);
        assertThat(shortWindow.foreignGateway()).as("foreign gateway").isEqualTo(1);
        assertThat(shortWindow.insufficient()).as("insufficient").isEqualTo(1);
        assertThat(shortWindow.onTimeRate()).isEqualTo(0.6667);

        CooperationRecord.Window longWindow = record.last12Months();
        assertThat(longWindow.from()).isEqualTo(Instant.parse("2025-06-30T12:00:00Z"));
        assertThat(longWindow.requested()).isEqualTo(11);
        assertThat(longWindow.answeredOnTime()).isEqualTo(7);
        assertThat(longWindow.origin()).isEqualTo(2);
        assertThat(longWindow.nonResponsive()).isEqualTo(3);
        assertThat(longWindow.onTimeRate()).isEqualTo(0.7);

        assertThat(records.all(at)).filteredOn(r -> r.providerId().equals(p)).containsExactly(record);
        CooperationRecord later = records.of(p, at.plus(Duration.ofHours(2))).orElseThrow();
        assertThat(later.last90Days().answeredLate()).as("answered late after the first instant").isEqualTo(2);
        assertThat(later.last90Days().answeredOnTime()).isEqualTo(6);
        assertThat(later.last90Days().nonResponsive()).isEqualTo(3);
        assertThat(later.last90Days().insufficient()).as("marked after the first instant").isEqualTo(2);
    }

    @Test
    void aProviderWithoutHopsHasZeroCountsAndNoRate() {
        Provider quiet = fixtures.provider("US");

        CooperationRecord record = records.of(quiet.id(), clock.instant()).orElseThrow();

        assertThat(record.last90Days().requested()).isZero();
        assertThat(record.last12Months().nonResponsive()).isZero();
        assertThat(record.last90Days().onTimeRate()).isNull();
        assertThat(record.status()).isEqualTo("cooperative");
        assertThat(records.of(UUID.randomUUID(), clock.instant())).isEmpty();
    }

    @Test
    void hopsLeaveTheWindowsWhenTheClockMovesPastTheirEdges() {
        HopHistory history = new HopHistory(jdbc);
        UUID p = fixtures.provider("US").id();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        UUID nearShortEdge = history.hop(p, now.minus(Duration.ofDays(90)).plus(Duration.ofMinutes(30)), "answered");
        history.answer(nearShortEdge, "not-found", null, now.minus(Duration.ofDays(90)).plus(Duration.ofHours(1)));
        Instant yearAgo = CooperationRecords.longWindowStart(now);
        history.hop(p, yearAgo.plus(Duration.ofMinutes(30)), "non-responsive");

        CooperationRecord before = records.of(p, clock.instant()).orElseThrow();
        engine.clock().advance(Duration.ofHours(1));
        CooperationRecord after = records.of(p, clock.instant()).orElseThrow();

        assertThat(before.last90Days().requested()).isEqualTo(1);
        assertThat(before.last90Days().notFound()).isEqualTo(1);
        assertThat(before.last12Months().requested()).isEqualTo(2);
        assertThat(before.last12Months().nonResponsive()).isEqualTo(1);
        assertThat(after.last90Days().requested()).isZero();
        assertThat(after.last90Days().notFound()).isZero();
        assertThat(after.last12Months().requested()).isEqualTo(1);
        assertThat(after.last12Months().notFound()).isEqualTo(1);
        assertThat(after.last12Months().nonResponsive()).isZero();
    }

    @Test
    void theRealTracebackFlowFeedsTheRecord() {
        Provider gateway = fixtures.provider("US");
        Provider foreign = fixtures.provider("GB");
        Traceback traced = fixtures.open(gateway);
        fixtures.answerUpstream(fixtures.waitingHop(traced.id(), 1), foreign);
        assertThat(fixtures.ended(traced.id()).outcome()).isEqualTo(Traceback.Outcome.FOREIGN_POINT_OF_ENTRY);

        Provider silent = fixtures.provider("US");
        Traceback stalled = fixtures.open(silent);
        Hop waiting = fixtures.waitingHop(stalled.id(), 1);
        engine.clock().advance(Duration.between(clock.instant(), waiting.deadline()).plusMinutes(1));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> tracebacks.getHop(waiting.id()).status() == Hop.Status.NON_RESPONSIVE);

        CooperationRecord.Window gatewayRecord = records.of(gateway.id(), clock.instant()).orElseThrow().last90Days();
        CooperationRecord.Window silentRecord = records.of(silent.id(), clock.instant()).orElseThrow().last90Days();

        assertThat(gatewayRecord.requested()).isEqualTo(1);
        assertThat(gatewayRecord.answeredOnTime()).isEqualTo(1);
        assertThat(gatewayRecord.foreignGateway()).isEqualTo(1);
        assertThat(gatewayRecord.onTimeRate()).isEqualTo(1.0);
        assertThat(silentRecord.requested()).isEqualTo(1);
        assertThat(silentRecord.nonResponsive()).isEqualTo(1);
        assertThat(silentRecord.answeredOnTime()).isZero();
        assertThat(silentRecord.onTimeRate()).isEqualTo(0.0);
    }

    private static Instant days(Instant at, int days) {
        return at.minus(Duration.ofDays(days));
    }
}
