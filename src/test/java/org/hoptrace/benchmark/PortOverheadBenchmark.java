package org.hoptrace.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.hoptrace.HoptraceApplication;
import org.hoptrace.workflow.JobWorkerRegistration;
import org.hoptrace.workflow.JobWorkerRegistry;
import org.hoptrace.workflow.ModelResource;
import org.hoptrace.workflow.WorkflowEngine;
import org.operaton.bpm.engine.HistoryService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Process instances per second for start -> one job -> end, through the raw Operaton API (our own
 * fetch-and-complete loop) and through Hoptrace's workflow port (Camunda 8 model, converter,
 * {@code @JobWorker} machinery), in the same run on the same embedded engine and PostgreSQL.
 *
 * <p>Run as docs/benchmarks.md says. Arguments: instances per round (default 2000), rounds (3).
 */
public final class PortOverheadBenchmark {

    private static final int THREADS = 8;

    public static void main(String[] args) throws Exception {
        int instances = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HoptraceApplication.class)
                .profiles("test")
                .run("--server.port=0", "--hoptrace.workers.threads=" + THREADS, "--logging.level.root=warn",
                        "--logging.level.org.hoptrace=warn", "--hoptrace.demo-data=false")) {
            var benchmark = new PortOverheadBenchmark(app);
            benchmark.deployModels();
            benchmark.measure("warm-up raw", benchmark::runRaw, instances / 4);
            benchmark.measure("warm-up port", benchmark::runPort, instances / 4);
            List<Double> raw = new ArrayList<>();
            List<Double> port = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                raw.add(benchmark.measure("raw Operaton API, round " + round, benchmark::runRaw, instances));
                port.add(benchmark.measure("Hoptrace port, round " + round, benchmark::runPort, instances));
            }
            double rawMedian = median(raw);
            double portMedian = median(port);
            System.out.printf("%nmedian raw: %.0f instances/s, median port: %.0f instances/s, port cost: %.1f%%%n",
                    rawMedian, portMedian, 100 * (1 - portMedian / rawMedian));
        }
    }

    private final WorkflowEngine engine;
    private final HistoryService history;
    private final JobWorkerRegistry workers;
    private final RawEngineLoop rawLoop;

    private PortOverheadBenchmark(ConfigurableApplicationContext app) {
        engine = app.getBean(WorkflowEngine.class);
        history = app.getBean(HistoryService.class);
        workers = app.getBean(JobWorkerRegistry.class);
        rawLoop = new RawEngineLoop(app, THREADS);
    }

    private void deployModels() {
        rawLoop.deploy();
        String zeebeModel = io.camunda.zeebe.model.bpmn.Bpmn.convertToString(
                io.camunda.zeebe.model.bpmn.Bpmn.createExecutableProcess("bench-port").startEvent()
                        .serviceTask("work", task -> task.zeebeJobType("bench-port-job")).endEvent().done());
        engine.deploy(List.of(ModelResource.of("bench-port.bpmn", zeebeModel)));
        workers.register(new JobWorkerRegistration("bench-port-job", Duration.ofMinutes(1), Duration.ofSeconds(10),
                job -> Map.of("done", true)));
    }

    private double measure(String label, Round round, int instances) throws Exception {
        long started = System.nanoTime();
        round.run(instances);
        double seconds = (System.nanoTime() - started) / 1e9;
        double rate = instances / seconds;
        System.out.printf("%-32s %6d instances in %6.2f s = %7.0f instances/s%n", label, instances, seconds, rate);
        return rate;
    }

    private void runPort(int instances) throws Exception {
        long before = finished(history, "bench-port");
        startConcurrently(instances, () -> engine.startProcess("bench-port", Map.of("n", 1)));
        awaitFinished(history, "bench-port", before + instances);
    }

    private void runRaw(int instances) throws Exception {
        rawLoop.run(instances);
    }

    static void startConcurrently(int instances, Runnable start) throws InterruptedException {
        ExecutorService starters = Executors.newFixedThreadPool(4);
        for (int i = 0; i < instances; i++) {
            starters.execute(start);
        }
        starters.shutdown();
        starters.awaitTermination(10, TimeUnit.MINUTES);
    }

    static void awaitFinished(HistoryService history, String processId, long expected) throws InterruptedException {
        while (finished(history, processId) < expected) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    static long finished(HistoryService history, String processId) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(processId).finished().count();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    @FunctionalInterface
    private interface Round {
        void run(int instances) throws Exception;
    }
}
