package org.hoptrace.workflow.camunda8;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.api.worker.JobWorker;
import org.hoptrace.workflow.JobWorkerRegistration;
import org.hoptrace.workflow.JobWorkerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Opens a Camunda 8 job worker (REST job activation, no streaming) for every registered job type once
 * the application has started (after the models are deployed), and closes them on shutdown. A failed
 * activation (401, 5xx, lost connection) makes the worker pause with growing back-off and try again.
 */
final class Camunda8JobWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Camunda8JobWorkers.class);

    private final CamundaClient client;
    private final JobWorkerRegistry registry;
    private final ObjectMapper json;
    private final ObjectMapper binding;
    private final Camunda8Settings settings;
    private final List<JobWorker> open = new ArrayList<>();
    private boolean running;

    Camunda8JobWorkers(CamundaClient client, JobWorkerRegistry registry, ObjectMapper json, Camunda8Settings settings) {
        this.client = client;
        this.registry = registry;
        this.json = json;
        this.binding = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        BackoffSupplier backoff = BackoffSupplier.newBackoffBuilder()
                .minDelay(settings.pollBackoffMin().toMillis())
                .maxDelay(settings.pollBackoffMax().toMillis())
                .backoffFactor(2.0).jitterFactor(0.1).build();
        for (JobWorkerRegistration registration : registry.all()) {
            Camunda8JobRunner runner = new Camunda8JobRunner(registration, json, binding, settings);
            open.add(client.newWorker().jobType(registration.type()).handler(runner::handle)
                    .name(settings.workerName())
                    .timeout(registration.timeout())
                    .maxJobsActive(settings.maxJobsActive())
                    .pollInterval(settings.pollInterval())
                    .backoffSupplier(backoff)
                    .streamEnabled(false)
                    .open());
        }
        running = true;
        log.info("Camunda 8 job workers open for {}", registry.types());
    }

    @Override
    public synchronized void stop() {
        open.forEach(JobWorker::close);
        open.clear();
        running = false;
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }
}
