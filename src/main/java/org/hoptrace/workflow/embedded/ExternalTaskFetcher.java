package org.hoptrace.workflow.embedded;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.workflow.JobWorkerRegistration;
import org.hoptrace.workflow.JobWorkerRegistry;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.externaltask.ExternalTaskQueryBuilder;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * One fetcher thread locks jobs for every registered job type and hands them to a pool of worker
 * threads. At most threads + max-jobs-per-fetch jobs are locked at once (the workers' jobs and
 * one fetch waiting for them), so no job waits long in a queue while locked. With no work the
 * fetcher sleeps until new work is announced or the poll interval passes.
 */
final class ExternalTaskFetcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExternalTaskFetcher.class);

    private final ExternalTaskService externalTasks;
    private final JobWorkerRegistry workers;
    private final ObjectMapper json;
    private final Wakeup jobsAvailable;
    private final WorkerSettings settings;
    private final ExternalTaskRunner runner;
    private final Semaphore jobSlots;
    private volatile boolean running;
    private ExecutorService pool;
    private Thread fetcher;

    ExternalTaskFetcher(ExternalTaskService externalTasks, JobWorkerRegistry workers, ObjectMapper json,
                        Wakeup jobsAvailable, WorkerSettings settings) {
        this.externalTasks = externalTasks;
        this.workers = workers;
        this.json = json;
        this.jobsAvailable = jobsAvailable;
        this.settings = settings;
        this.runner = new ExternalTaskRunner(externalTasks, json, settings.workerId());
        this.jobSlots = new Semaphore(settings.threads() + settings.maxJobsPerFetch());
    }

    @Override
    public void start() {
        running = true;
        CustomizableThreadFactory threads = new CustomizableThreadFactory("hoptrace-worker-");
        threads.setDaemon(true);
        pool = Executors.newFixedThreadPool(settings.threads(), threads);
        fetcher = new Thread(this::fetchLoop, "hoptrace-job-fetcher");
        fetcher.setDaemon(true);
        fetcher.start();
        log.info("Job workers started for {} with {} threads", workers.types(), settings.threads());
    }

    private void fetchLoop() {
        while (running) {
            int slots = 0;
            try {
                jobSlots.acquire();
                slots = 1 + jobSlots.drainPermits();
                List<LockedExternalTask> tasks = fetch(Math.min(slots, settings.maxJobsPerFetch()));
                jobSlots.release(slots - tasks.size());
                slots = 0;
                tasks.forEach(this::dispatch);
                if (tasks.isEmpty()) {
                    jobsAvailable.await(settings.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Fetching jobs failed, trying again shortly: {}", e.getMessage());
                jobSlots.release(slots);
                pause(settings.pollInterval());
            }
        }
    }

    private List<LockedExternalTask> fetch(int maxTasks) {
        if (workers.all().isEmpty()) {
            return List.of();
        }
        ExternalTaskQueryBuilder query = externalTasks.fetchAndLock(maxTasks, settings.workerId());
        for (JobWorkerRegistration worker : workers.all()) {
            query = query.topic(worker.type(), worker.timeout().toMillis())
                    .includeExtensionProperties().enableCustomObjectDeserialization();
        }
        return query.execute();
    }

    private void dispatch(LockedExternalTask task) {
        pool.execute(() -> {
            try {
                runner.run(task, workers.forType(task.getTopicName()));
            } finally {
                jobSlots.release();
                jobsAvailable.signal();
            }
        });
    }

    /** Wakes the fetcher now, e.g. after the engine clock moved past a retry back-off. */
    void wakeUp() {
        jobsAvailable.signal();
    }

    private void pause(Duration duration) {
        try {
            jobsAvailable.await(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (fetcher != null) {
            fetcher.interrupt();
        }
        if (pool != null) {
            pool.shutdown();
            try {
                if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 100;
    }
}
