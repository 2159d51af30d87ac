package org.hoptrace.workflow.camunda8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import org.hoptrace.workflow.ActivatedJob;
import org.hoptrace.workflow.BpmnError;
import org.hoptrace.workflow.JobHandler;
import org.hoptrace.workflow.JobWorkerRegistration;
import org.hoptrace.workflow.JobWorkerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Job activation and its outcomes on Camunda 8, with the embedded engine's semantics: completion with
 * the result, failure with one retry less after the worker's back-off, an incident when the retries run
 * out, BPMN errors with code, message and variables.
 */
class Camunda8JobWorkersTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    record Hop(String tracebackId, int hopNumber) {
    }

    private FakeCamunda8 fake;
    private CamundaClient client;
    private Camunda8WorkflowEngine engine;
    private Camunda8JobWorkers workers;
    private final JobWorkerRegistry registry = new JobWorkerRegistry(null);
    private final List<ActivatedJob> seen = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @BeforeEach
    void start() {
        fake = new FakeCamunda8();
        client = Camunda8TestSetup.client(fake);
        engine = Camunda8TestSetup.engine(client);
        register("c8-complete", Duration.ofSeconds(10), job -> {
            Hop hop = job.variablesAs(Hop.class);
            return Map.of("requested", hop.tracebackId() + "/" + hop.hopNumber(), "header", job.customHeaders().get("kind"));
        });
        register("c8-flaky", Duration.ofSeconds(30), job -> {
            if (calls.get("c8-flaky").get() < 3) {
                throw new IllegalStateException("provider API down");
            }
            return Map.of("done", true);
        });
        register("c8-broken", Duration.ofSeconds(5), job -> {
            throw new IllegalStateException("always broken");
        });
        register("c8-business", Duration.ofSeconds(10), job -> {
            throw new BpmnError("PROVIDER_UNKNOWN", "no provider with that name", Map.of("reason", "not in registry"));
        });
        workers = new Camunda8JobWorkers(client, registry, Camunda8TestSetup.JSON, Camunda8TestSetup.settings());
        workers.start();
    }

    private void register(String type, Duration backoff, JobHandler handler) {
        calls.put(type, new AtomicInteger());
        registry.register(new JobWorkerRegistration(type, Duration.ofMinutes(5), backoff, job -> {
            seen.add(job);
            calls.get(type).incrementAndGet();
            return handler.handle(job);
        }));
    }

    @AfterEach
    void stop() {
        workers.stop();
        client.close();
        fake.close();
    }

    @Test
    void aJobIsActivatedWithItsVariablesAndCompletedWithTheResult() {
        FakeCamunda8.Job job = fake.createJob(900, "c8-complete", Map.of("tracebackId", "TB-9", "hopNumber", 2,
                "unrelated", "ignored"), Map.of("kind", "first-hop"), 3);

        await().atMost(WAIT).until(() -> job.state == FakeCamunda8.JobState.COMPLETED);

        assertThat(job.result).containsEntry("requested", "TB-9/2").containsEntry("header", "first-hop");
        assertThat(job.completions).isEqualTo(1);
        JsonNode activation = fake.requests("POST", "/v2/jobs/activation").stream()
                .filter(r -> r.json().get("type").asText().equals("c8-complete")).findFirst().orElseThrow().json();
        assertThat(activation.get("worker").asText()).isEqualTo("hoptrace-test");
        assertThat(activation.get("timeout").asLong()).isEqualTo(Duration.ofMinutes(5).toMillis());
        assertThat(activation.get("maxJobsToActivate").asInt()).isPositive();
        ActivatedJob handled = seen.get(0);
        assertThat(handled.key()).isEqualTo(Long.toString(job.key));
        assertThat(handled.processInstanceKey()).isEqualTo("900");
        assertThat(handled.retries()).isEqualTo(3);
        assertThat(handled.type()).isEqualTo("c8-complete");
        assertThat(fake.requests("POST", "/v2/jobs/" + job.key + "/completion")).singleElement()
                .satisfies(request -> assertThat(request.json().get("variables").get("requested").asText()).isEqualTo("TB-9/2"));
    }

    @Test
    void aFailingJobIsRetriedAfterTheWorkersBackoffWithOneRetryLess() {
        FakeCamunda8.Job job = fake.createJob(901, "c8-flaky", Map.of(), 3);

        await().atMost(WAIT).until(() -> job.retries == 2 && job.state == FakeCamunda8.JobState.ACTIVATABLE);
        JsonNode failure = fake.requests("POST", "/v2/jobs/" + job.key + "/failure").get(0).json();
        assertThat(failure.get("retries").asInt()).isEqualTo(2);
        assertThat(failure.get("retryBackOff").asLong()).isEqualTo(30_000L);
        assertThat(failure.get("errorMessage").asText()).isEqualTo("provider API down");
        assertThat(calls.get("c8-flaky")).hasValue(1);

        // not before the back-off: the cluster's clock moves it
        engine.clock().advance(Duration.ofSeconds(31));
        await().atMost(WAIT).until(() -> job.retries == 1 && job.state == FakeCamunda8.JobState.ACTIVATABLE);
        engine.clock().advance(Duration.ofSeconds(31));
        await().atMost(WAIT).until(() -> job.state == FakeCamunda8.JobState.COMPLETED);

        assertThat(calls.get("c8-flaky")).hasValue(3);
        assertThat(seen).extracting(ActivatedJob::retries).containsExactly(3, 2, 1);
        assertThat(job.completions).isEqualTo(1);
        engine.clock().reset();
    }

    @Test
    void theLastFailureRaisesAnIncidentWithoutBackoff() {
        FakeCamunda8.Job job = fake.createJob(902, "c8-broken", Map.of(), 1);

        await().atMost(WAIT).until(() -> job.state == FakeCamunda8.JobState.FAILED);

        JsonNode failure = fake.requests("POST", "/v2/jobs/" + job.key + "/failure").get(0).json();
        assertThat(failure.get("retries").asInt()).isZero();
        assertThat(failure.get("retryBackOff").asLong()).isZero();
        assertThat(engine.openIncidents()).singleElement().satisfies(incident -> {
            assertThat(incident.processInstanceKey()).isEqualTo("902");
            assertThat(incident.message()).isEqualTo("always broken");
        });
    }

    @Test
    void aBpmnErrorIsThrownWithCodeMessageAndVariablesAndNotRetried() {
        FakeCamunda8.Job job = fake.createJob(903, "c8-business", Map.of(), 3);

        await().atMost(WAIT).until(() -> job.state == FakeCamunda8.JobState.ERROR_THROWN);

        JsonNode error = fake.requests("POST", "/v2/jobs/" + job.key + "/error").get(0).json();
        assertThat(error.get("errorCode").asText()).isEqualTo("PROVIDER_UNKNOWN");
        assertThat(error.get("errorMessage").asText()).isEqualTo("no provider with that name");
        assertThat(error.get("variables").get("reason").asText()).isEqualTo("not in registry");
        assertThat(fake.requests("POST", "/v2/jobs/" + job.key + "/failure")).isEmpty();
        assertThat(calls.get("c8-business")).hasValue(1);
    }
}
