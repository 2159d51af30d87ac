package org.hoptrace.benchmark;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The raw-engine yardstick the benchmarks compare against: a process start -> one external task ->
 * end, built with Operaton's model API and run with a hand-written fetch-and-complete loop, straight
 * on Operaton's Java API in the running service.
 */
final class RawEngineLoop {

    private final RuntimeService runtime;
    private final ExternalTaskService externalTasks;
    private final HistoryService history;
    private final RepositoryService repository;
    private final int threads;

    RawEngineLoop(ConfigurableApplicationContext app, int threads) {
        runtime = app.getBean(RuntimeService.class);
        externalTasks = app.getBean(ExternalTaskService.class);
        history = app.getBean(HistoryService.class);
        repository = app.getBean(RepositoryService.class);
        this.threads = threads;
    }

    void deploy() {
        repository.createDeployment().name("benchmark-raw").addModelInstance("bench-raw.bpmn",
                Bpmn.createExecutableProcess("bench-raw").startEvent().serviceTask("work")
                        .operatonExternalTask("bench-raw-job").endEvent().done()).deploy();
    }

    /** The same shape as the port's runtime, one fetcher feeding a pool, but straight on Operaton's API. */
    void run(int instances) throws Exception {
        long before = PortOverheadBenchmark.finished(history, "bench-raw");
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService completers = Executors.newFixedThreadPool(threads);
        Thread fetcher = new Thread(() -> {
            while (running.get()) {
                List<LockedExternalTask> tasks = externalTasks.fetchAndLock(32, "raw").topic("bench-raw-job", 60_000).execute();
                tasks.forEach(task -> completers.execute(() -> externalTasks.complete(task.getId(), "raw", Map.of("done", true))));
                if (tasks.isEmpty()) {
                    // a short pause, not a spin: a spinning fetcher queries PostgreSQL non-stop and
                    // takes CPU from the instances it is waiting for
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
                }
            }
        });
        fetcher.start();
        PortOverheadBenchmark.startConcurrently(instances, () -> runtime.startProcessInstanceByKey("bench-raw", Map.of("n", 1)));
        PortOverheadBenchmark.awaitFinished(history, "bench-raw", before + instances);
        running.set(false);
        fetcher.join();
        completers.shutdown();
        completers.awaitTermination(1, TimeUnit.MINUTES);
    }
}
