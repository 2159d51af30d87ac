package org.hoptrace.cooperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.hoptrace.HoptraceTest;
import org.hoptrace.traceback.TracebackFixtures;
import org.hoptrace.workflow.WorkflowEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The assessment: statuses from the decision, flags raised once, runs recorded, never two at once. */
@HoptraceTest
class CooperationAssessmentTest {

    @Autowired CooperationAssessment assessment;
    @Autowired TracebackFixtures fixtures;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired Clock clock;
    @Autowired WorkflowEngine engine;

    @Test
    void theAssessmentWritesEachProvidersStatusAndCountsTheChanges() {
        HopHistory history = new HopHistory(jdbc);
        Instant now = clock.instant();
        UUID silent = fixtures.provider("US").id();
        for (int i = 1; i <= 3; i++) {
            history.hop(silent, now.minus(Duration.ofDays(i * 10)), "non-responsive");
        }
        UUID onceLate = fixtures.provider("US").id();
        history.hop(onceLate, now.minus(Duration.ofDays(3)), "non-responsive");
        UUID reformed = fixtures.provider("US").id();
        jdbc.update("update provider set cooperation_status = 'non-cooperative' where provider_id = ?", reformed);

        AssessmentRun run = assessment.run("staff", "staff");

        assertThat(status(silent)).isEqualTo("non-cooperative");
        assertThat(status(onceLate)).isEqualTo("watch");
        assertThat(status(reformed)).isEqualTo("cooperative");
        assertThat(run.succeeded()).isTrue();
        assertThat(run.trigger()).isEqualTo("staff");
        assertThat(run.requestedBy()).isEqualTo("staff");
        assertThat(run.providersAssessed()).isEqualTo(jdbc.queryForObject("select count(*) from provider", Integer.class));
        assertThat(run.statusChanges()).isGreaterThanOrEqualTo(3);
        assertThat(run.durationMs()).isNotNull();
        Timestamp since = jdbc.queryForObject("select cooperation_status_since from provider where provider_id = ?",
                Timestamp.class, onceLate);
        assertThat(jdbc.queryForObject("select cooperation_assessed_at from provider where provider_id = ?",
                Timestamp.class, onceLate)).isEqualTo(since);

        AssessmentRun again = assessment.run("schedule", null);

        assertThat(jdbc.queryForObject("select cooperation_status_since from provider where provider_id = ?",
                Timestamp.class, onceLate)).as("unchanged status keeps its date").isEqualTo(since);
        assertThat(again.trigger()).isEqualTo("schedule");
        assertThat(jdbc.queryForObject("select count(*) from cooperation_assessment_run where run_id in (?, ?)"
                + " and finished_at is not null and error is null", Integer.class, run.runId(), again.runId())).isEqualTo(2);
    }

    @Test
    void aProviderToEscalateIsFlaggedOnceAndNotWhileItsEscalationRunsOrCoolsOff() {
        HopHistory history = new HopHistory(jdbc);
        Instant now = clock.instant();
        UUID silent = fixtures.provider("US").id();
        for (int i = 1; i <= 4; i++) {
            history.hop(silent, now.minus(Duration.ofDays(i * 7)), "non-responsive");
        }
        UUID watched = fixtures.provider("US").id();
        history.hop(watched, now.minus(Duration.ofDays(2)), "non-responsive");

        assessment.run("staff", "staff");
        assessment.run("staff", "staff");

        assertThat(flags(silent)).as("a waiting flag is not repeated").isEqualTo(1);
        assertThat(flags(watched)).as("watch is not escalated").isZero();
        assertThat(jdbc.queryForObject("select hop_id is null from provider_flag where provider_id = ?", Boolean.class,
                silent)).isTrue();

        // the escalation's intake turns the flag into the provider's escalation
        UUID running = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "select escalation_id from escalation where provider_id = ? and status = 'running'", UUID.class, silent),
                ids -> ids.size() == 1).get(0);
        assessment.run("staff", "staff");
        assertThat(flags(silent)).as("an escalation is running").isEqualTo(1);

        String instance = jdbc.queryForObject("select process_instance_key from escalation where escalation_id = ?",
                String.class, running);
        // the escalation's first job may be running: a cancel that collides with it is tried again
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(ConcurrencyFailureException.class)
                .untilAsserted(() -> engine.cancelProcessInstance(instance));
        jdbc.update("update escalation set status = 'closed', outcome = 'cured', closed_at = ? where escalation_id = ?",
                Timestamp.from(now.minus(Duration.ofDays(1))), running);
        assessment.run("staff", "staff");
        assertThat(flags(silent)).as("its escalation closed a day ago").isEqualTo(1);

        jdbc.update("update escalation set closed_at = ? where escalation_id = ?",
                Timestamp.from(now.minus(Duration.ofDays(31))), running);
        assessment.run("staff", "staff");
        assertThat(flags(silent)).as("the cool-off has passed").isEqualTo(2);
    }

    @Test
    void aSecondRunWaitsForNoneButIsRefusedWhileOneRuns() throws Exception {
        try (Connection other = dataSource.getConnection();
             PreparedStatement lock = other.prepareStatement("select pg_advisory_lock(?)")) {
            lock.setLong(1, CooperationAssessment.LOCK_KEY);
            lock.execute();
            int runsBefore = jdbc.queryForObject("select count(*) from cooperation_assessment_run", Integer.class);

            assertThatThrownBy(() -> assessment.run("staff", "staff")).isInstanceOf(AssessmentRunningException.class);

            assertThat(jdbc.queryForObject("select count(*) from cooperation_assessment_run", Integer.class))
                    .isEqualTo(runsBefore);
            try (PreparedStatement unlock = other.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, CooperationAssessment.LOCK_KEY);
                unlock.execute();
            }
        }
        assertThat(assessment.run("staff", "staff").succeeded()).isTrue();
    }

    private String status(UUID provider) {
        return jdbc.queryForObject("select cooperation_status from provider where provider_id = ?", String.class, provider);
    }

    private int flags(UUID provider) {
        return jdbc.queryForObject("select count(*) from provider_flag where provider_id = ? and reason = 'assessment'",
                Integer.class, provider);
    }
}
