package org.hoptrace.workflow.embedded;

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

/**
 * The embedded engine's clock. Advancing it moves Operaton's clock (which keeps running from the
 * new point), executes every timer that became due, and wakes the job fetcher and the message
 * delivery so retry back-offs and expiries take effect at once.
 */
final class OperatonEngineClock implements EngineClock {

    private static final Logger log = LoggerFactory.getLogger(OperatonEngineClock.class);

    private final ManagementService management;
    private final Runnable afterAdvance;
    OperatonEngineClock(ManagementService management, Runnable afterAdvance) {
        this.management = management;
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

    @Override
    public synchronized void reset() {
        ClockUtil.reset();
    }
}
