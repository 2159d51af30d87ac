package org.hoptrace.workflow.embedded;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.hoptrace.workflow.EngineClock;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.OptimisticLockingException;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded engine's clock. Advancing it moves Operaton's clock (which keeps running from the
 * new point), executes every timer that became due, and wakes the job fetcher and the message
 * delivery so retry back-offs and expiries take effect at once.
 */
final class OperatonEngineClock implements EngineClock {

    private static final Logger log = LoggerFactory.getLogger(OperatonEngineClock.class);

    private static final String LOCK_OWNER = "hoptrace-engine-clock";

    private final ManagementService management;
    private final JdbcTemplate jdbc;
    private final Runnable afterAdvance;

    OperatonEngineClock(ManagementService management, JdbcTemplate jdbc, Runnable afterAdvance) {
        this.management = management;
        this.jdbc = jdbc;
        this.afterAdvance = afterAdvance;
    }

    @Override
    public Instant now() {
        return ClockUtil.now().toInstant();
    }

    @Override
    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the engine clock only moves forward");
        }
        long currentOffset = ClockUtil.now().getTime() - System.currentTimeMillis();
        ClockUtil.offset(currentOffset + duration.toMillis());
        log.info("Engine clock advanced by {} to {}", duration, now());
        fireDueTimers();
        afterAdvance.run();
    }

    private void fireDueTimers() {
        for (int round = 0; round < 100; round++) {
            List<Job> due = management.createJobQuery().timers().executable()
                    .duedateLowerThan(new Date(ClockUtil.now().getTime() + 1)).list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                if (!lock(job)) {
                    log.debug("Timer {} is being fired by the job executor", job.getId());
                    continue;
                }
                try {
                    management.executeJob(job.getId());
                } catch (OptimisticLockingException alreadyTaken) {
                    log.debug("Timer {} was fired by the job executor meanwhile", job.getId());
                } catch (ProcessEngineException failure) {
                    log.warn("Timer {} failed: {}", job.getId(), failure.getMessage());
                }
            }
        }
    }

    /**
     * Takes the timer away from the job executor the way its own acquisition does (lock owner and
     * expiry, guarded by the revision), so the two never execute the same timer.
     */
    private boolean lock(Job job) {
        Timestamp now = new Timestamp(ClockUtil.now().getTime());
        return jdbc.update("""
                update act_ru_job set lock_owner_ = ?, lock_exp_time_ = ?, rev_ = rev_ + 1
                where id_ = ? and (lock_owner_ is null or lock_exp_time_ < ?)""",
                LOCK_OWNER, new Timestamp(now.getTime() + 60_000), job.getId(), now) == 1;
    }

    @Override
    public synchronized void reset() {
        ClockUtil.reset();
    }
}
