package org.hoptrace.campaign.detection;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.hoptrace.calls.CallsIngested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts detection in the background after calls are ingested (after their commit) and on the schedule
 * {@code hoptrace.campaigns.detection.cron}. Requests during a run coalesce into one more run after it.
 */
@Component
class DetectionTrigger {

    private static final Logger log = LoggerFactory.getLogger(DetectionTrigger.class);
    private final CampaignDetection detection;
    private final DetectionSettings settings;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "campaign-detection");
        thread.setDaemon(true);
        return thread;
    });

    DetectionTrigger(CampaignDetection detection, DetectionSettings settings) {
        this.detection = detection;
        this.settings = settings;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void ingested(CallsIngested batch) {
        if (settings.onIngest() && batch.accepted() > 0) {
            request();
        }
    }

    @Scheduled(cron = "${hoptrace.campaigns.detection.cron:0 */10 * * * *}", zone = "UTC")
    void scheduled() {
        request();
    }

    /** Asks for a run in the background; a request while one is queued is the same request. */
    void request() {
        if (requested.compareAndSet(false, true)) {
            runner.execute(() -> {
                requested.set(false);
                try {
                    detection.run();
                } catch (RuntimeException failed) {
                    log.error("Campaign detection failed; the next run catches up", failed);
                }
            });
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
