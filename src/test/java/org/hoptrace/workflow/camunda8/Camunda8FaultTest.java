package org.hoptrace.workflow.camunda8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.camunda.client.CamundaClient;
import org.hoptrace.workflow.JobWorkerRegistration;
import org.hoptrace.workflow.JobWorkerRegistry;
import org.hoptrace.workflow.camunda8.FakeCamunda8.Fault;
import org.hoptrace.workflow.camunda8.FakeCamunda8.Job;
import org.hoptrace.workflow.camunda8.FakeCamunda8.JobState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A flaky cluster: 401, 503 and dropped connections while jobs are activated and completed. Workers
 * back off and recover; every job is worked on once and completed once.
 */
class Camunda8FaultTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private FakeCamunda8 fake;
    private CamundaClient client;
    private Camunda8JobWorkers workers;
    private final AtomicInteger handled = new AtomicInteger();

    @BeforeEach
    void start() {
        fake = new FakeCamunda8();
        client = Camunda8TestSetup.client(fake);
        JobWorkerRegistry registry = new JobWorkerRegistry(null);
        registry.register(new JobWorkerRegistration("c8-fault", Duration.ofMinutes(5), Duration.ofSeconds(10), job -> {
            handled.incrementAndGet();
            return Map.of("worked", job.variables().get("n"));
        }));
        workers = new Camunda8JobWorkers(client, registry, Camunda8TestSetup.JSON, Camunda8TestSetup.settings());
    }

    @AfterEach
    void stop() {
        workers.stop();
        client.close();
        fake.close();
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"UNAUTHORIZED", "UNAVAILABLE", "DROP_BEFORE"})
    void workersBackOffWhileActivationFailsAndRecover(Fault fault) {
        fake.fault("POST /v2/jobs/activation", fault, 4);
        Job first = fake.createJob(1, "c8-fault", Map.of("n", 1), 3);
        Job second = fake.createJob(2, "c8-fault", Map.of("n", 2), 3);

        workers.start();

        await().atMost(WAIT).until(() -> first.state == JobState.COMPLETED && second.state == JobState.COMPLETED);
        assertThat(fake.requests("POST", "/v2/jobs/activation")).hasSizeGreaterThan(4);
        assertThat(handled).hasValue(2);
        assertThat(first.completions + second.completions).isEqualTo(2);
        assertThat(first.result).containsEntry("worked", 1);
        assertThat(first.activations).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"UNAUTHORIZED", "UNAVAILABLE", "DROP_BEFORE"})
    void aCompletionThatDoesNotArriveIsSentAgainUntilItDoes(Fault fault) {
        fake.fault("POST /v2/jobs/*/completion", fault, 3);
        Job job = fake.createJob(3, "c8-fault", Map.of("n", 3), 3);

        workers.start();

        await().atMost(WAIT).until(() -> job.state == JobState.COMPLETED);
        assertThat(fake.requests("POST", "/v2/jobs/" + job.key + "/completion")).hasSize(4);
        assertThat(handled).hasValue(1);
        assertThat(job.completions).isEqualTo(1);
        assertThat(job.activations).isEqualTo(1);
    }

    @org.junit.jupiter.api.Test
    void aCompletionWhoseAnswerIsLostIsNotCompletedTwice() {
        fake.fault("POST /v2/jobs/*/completion", Fault.DROP_AFTER, 1);
        Job job = fake.createJob(4, "c8-fault", Map.of("n", 4), 3);

        workers.start();

        // the first completion took effect; the second is answered 404 (job gone) and not sent again
        await().atMost(WAIT).until(() -> fake.requests("POST", "/v2/jobs/" + job.key + "/completion").size() == 2);
        await().during(Duration.ofMillis(300)).atMost(WAIT)
                .until(() -> fake.requests("POST", "/v2/jobs/" + job.key + "/completion").size() == 2);
        assertThat(job.state).isEqualTo(JobState.COMPLETED);
        assertThat(job.completions).isEqualTo(1);
        assertThat(handled).hasValue(1);
    }

    @org.junit.jupiter.api.Test
    void aCompletionForACancelledInstanceIsDroppedNotRepeated() {
        Job job = fake.createJob(5, "c8-fault", Map.of("n", 5), 3);
        job.state = JobState.CANCELED; // cancelled before the worker got to it: never activated
        Job other = fake.createJob(6, "c8-fault", Map.of("n", 6), 3);

        workers.start();

        await().atMost(WAIT).until(() -> other.state == JobState.COMPLETED);
        assertThat(handled).hasValue(1);
        assertThat(job.activations).isZero();
    }
}
