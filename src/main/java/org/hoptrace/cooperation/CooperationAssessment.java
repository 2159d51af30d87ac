package org.hoptrace.cooperation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cooperation assessment, nightly and on demand: every provider's record in one query, decision
 * {@code provider-cooperation} for each, the statuses written in one statement, and a flag (reason
 * {@code assessment}) for each provider to escalate that has no running or recently closed escalation
 * and no flag waiting, all in one transaction. A PostgreSQL advisory lock keeps two runs, in this or
 * any other Hoptrace process, from overlapping; each run is recorded in {@code cooperation_assessment_run}.
 */
@Service
public class CooperationAssessment {

    private static final Logger log = LoggerFactory.getLogger(CooperationAssessment.class);
    /** The advisory lock key: "HTCOOP" in ASCII. */
    static final long LOCK_KEY = 0x4854_434F_4F50L;

    private final CooperationRecords records;
    private final CooperationDecision decision;
    private final AssessmentRuns runs;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final CooperationSettings settings;

    CooperationAssessment(CooperationRecords records, CooperationDecision decision, AssessmentRuns runs,
                          JdbcTemplate jdbc, DataSource dataSource, TransactionTemplate transactions, Clock clock,
                          CooperationSettings settings) {
        this.records = records;
        this.decision = decision;
        this.runs = runs;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    @Scheduled(cron = "${hoptrace.cooperation.assessment-cron:0 0 2 * * *}", zone = "UTC")
    void nightly() {
        try {
            run("schedule", null);
        } catch (AssessmentRunningException running) {
            log.info("Nightly cooperation assessment skipped: {}", running.getMessage());
        } catch (RuntimeException failed) {
            log.error("Nightly cooperation assessment failed", failed);
        }
    }

    /**
     * Assesses every provider now and returns the run; {@link AssessmentRunningException} if a run is
     * in progress. A failure rolls back every change and is recorded with the run, then rethrown.
     */
    public AssessmentRun run(String trigger, String requestedBy) {
        try (Connection lock = dataSource.getConnection()) {
            if (!advisoryLock(lock, "pg_try_advisory_lock")) {
                throw new AssessmentRunningException();
            }
            try {
                return assess(trigger, requestedBy);
            } finally {
                advisoryLock(lock, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the assessment lock: " + e.getMessage(), e);
        }
    }

    private AssessmentRun assess(String trigger, String requestedBy) {
        Instant at = clock.instant();
        long runId = runs.start(trigger, requestedBy, at);
        long started = System.nanoTime();
        log.info("Cooperation assessment {} started ({}), windows ending {}", runId, trigger, at);
        try {
            int[] outcome = transactions.execute(status -> assessAll(runId, at, started));
            long millis = elapsedMillis(started);
            runs.finish(runId, clock.instant(), millis, outcome[0], outcome[1], outcome[2]);
            log.info("Cooperation assessment {} done in {} ms: {} providers, {} status changes, {} flags raised",
                    runId, millis, outcome[0], outcome[1], outcome[2]);
        } catch (RuntimeException failed) {
            runs.fail(runId, clock.instant(), elapsedMillis(started), failed.getMessage());
            log.error("Cooperation assessment {} failed; nothing was changed", runId, failed);
            throw failed;
        }
        return runs.get(runId);
    }

    /** Returns providers assessed, status changes, flags raised. */
    private int[] assessAll(long runId, Instant at, long started) {
        List<CooperationRecord> all = records.all(at);
        log.info("Cooperation assessment {}: records of {} providers computed in {} ms", runId, all.size(),
                elapsedMillis(started));
        List<CooperationDecision.Verdict> verdicts = decision.decide(all);
        log.info("Cooperation assessment {}: decided in {} ms", runId, elapsedMillis(started));
        List<UUID> ids = new ArrayList<>(all.size());
        List<String> statuses = new ArrayList<>(all.size());
        List<UUID> toEscalate = new ArrayList<>();
        int changes = 0;
        for (int i = 0; i < all.size(); i++) {
            CooperationRecord record = all.get(i);
            CooperationDecision.Verdict verdict = verdicts.get(i);
            ids.add(record.providerId());
            statuses.add(verdict.status());
            if (!verdict.status().equals(record.status())) {
                changes++;
            }
            if (verdict.escalate()) {
                toEscalate.add(record.providerId());
            }
        }
        updateStatuses(ids, statuses, at);
        int flags = raiseFlags(toEscalate, at);
        return new int[] {all.size(), changes, flags};
    }

    private void updateStatuses(List<UUID> ids, List<String> statuses, Instant at) {
        jdbc.update(connection -> {
            PreparedStatement update = connection.prepareStatement("""
                    update provider p
                    set cooperation_status_since = case when p.cooperation_status <> v.status
                                                          or p.cooperation_status_since is null
                                                        then ? else p.cooperation_status_since end,
                        cooperation_status = v.status,
                        cooperation_assessed_at = ?
                    from unnest(?::uuid[], ?::varchar[]) as v(provider_id, status)
                    where p.provider_id = v.provider_id""");
            update.setTimestamp(1, Timestamp.from(at));
            update.setTimestamp(2, Timestamp.from(at));
            update.setArray(3, connection.createArrayOf("uuid", ids.toArray()));
            update.setArray(4, connection.createArrayOf("varchar", statuses.toArray()));
            return update;
        });
    }

    /**
     * Flags providers to escalate unless one of their escalations runs or closed within the cool-off,
     * or a flag of theirs waits for the escalation intake.
     */
    private int raiseFlags(List<UUID> providers, Instant at) {
        if (providers.isEmpty()) {
            return 0;
        }
        return jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    insert into provider_flag (provider_id, reason, hop_id, flagged_at)
                    select v.provider_id, 'assessment', null, ?
                    from unnest(?::uuid[]) as v(provider_id)
                    where not exists (select 1 from escalation e where e.provider_id = v.provider_id
                                      and (e.status = 'running' or e.closed_at > ?))
                      and not exists (select 1 from provider_flag f where f.provider_id = v.provider_id
                                      and f.handled_at is null)""");
            insert.setTimestamp(1, Timestamp.from(at));
            insert.setArray(2, connection.createArrayOf("uuid", providers.toArray()));
            insert.setTimestamp(3, Timestamp.from(at.minus(settings.flagCoolOff())));
            return insert;
        });
    }

    private static boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select " + function + "(?)")) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }
}
