package org.hoptrace.workflow.camunda8;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.FinalCommandStep;
import io.camunda.client.api.worker.JobClient;
import org.hoptrace.workflow.BpmnError;
import org.hoptrace.workflow.JobWorkerRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one activated job through its worker and reports the outcome, exactly as the embedded
 * engine does: complete with the result; a {@link BpmnError} thrown to the model with its code,
 * message and variables; any other failure reported with one retry less and the worker's back-off
 * (none once the retries are used up: the cluster raises an incident).
 * <p>
 * Sending the outcome survives a flaky cluster: 401, 429, 5xx and lost connections are retried with
 * growing pauses. A 404 means the job is gone (an earlier attempt did arrive, the job was cancelled
 * or timed out) and is not sent again, so a job is never completed twice. If every attempt fails,
 * the job is left to its timeout, when the cluster hands it out again.
 */
final class Camunda8JobRunner {

    private static final Logger log = LoggerFactory.getLogger(Camunda8JobRunner.class);

    private final JobWorkerRegistration worker;
    private final ObjectMapper json;
    private final ObjectMapper binding;
    private final Camunda8Settings settings;

    Camunda8JobRunner(JobWorkerRegistration worker, ObjectMapper json, ObjectMapper binding, Camunda8Settings settings) {
        this.worker = worker;
        this.json = json;
        this.binding = binding;
        this.settings = settings;
    }

    /** The client's job handler: never throws, so the client's own failure handling never runs. */
    void handle(JobClient client, io.camunda.client.api.response.ActivatedJob activated) {
        Camunda8Job job;
        Map<String, Object> result;
        try {
            job = new Camunda8Job(activated, binding);
        } catch (RuntimeException unreadable) {
            fail(client, activated, unreadable);
            return;
        }
        try {
            result = worker.handler().handle(job);
        } catch (BpmnError error) {
            report(activated, "BPMN error " + error.errorCode(), () -> client.newThrowErrorCommand(activated.getKey())
                    .errorCode(error.errorCode()).errorMessage(error.getMessage() == null ? "" : error.getMessage())
                    .variables(toJson(error.variables())));
            return;
        } catch (Exception failure) {
            fail(client, activated, failure);
            return;
        }
        String variables;
        try {
            variables = toJson(result == null ? Map.of() : result);
        } catch (RuntimeException notJson) {
            fail(client, activated, notJson);
            return;
        }
        report(activated, "completion", () -> client.newCompleteCommand(activated.getKey()).variables(variables));
    }

    private void fail(JobClient client, io.camunda.client.api.response.ActivatedJob job, Exception failure) {
        int retriesLeft = Math.max(job.getRetries() - 1, 0);
        Duration backoff = retriesLeft > 0 ? worker.retryBackoff() : Duration.ZERO;
        if (retriesLeft > 0) {
            log.info("{} failed ({}); {} retries left, next in {} ms", describe(job), failure.getMessage(), retriesLeft,
                    backoff.toMillis());
        } else {
            log.warn("{} failed ({}); no retries left, the cluster raises an incident", describe(job), failure.getMessage());
        }
        report(job, "failure", () -> client.newFailCommand(job.getKey()).retries(retriesLeft)
                .retryBackoff(backoff).errorMessage(messageOf(failure)));
    }

    /** Sends an outcome until it arrives, the job is known to be gone, or the attempts run out. */
    private void report(io.camunda.client.api.response.ActivatedJob job, String what,
                        Supplier<FinalCommandStep<?>> command) {
        long pause = settings.reportBackoffMin().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                command.get().send().join();
                return;
            } catch (ClientHttpException refused) {
                int status = refused.code();
                if (status == 404) {
                    log.info("{} of {} not needed: the job is gone (an earlier attempt arrived, or it was cancelled"
                            + " or timed out)", what, describe(job));
                    return;
                }
                if (!retryable(status)) {
                    log.warn("{} of {} refused: {}", what, describe(job), CamundaClients.describe(refused));
                    return;
                }
                if (giveUp(job, what, attempt, CamundaClients.describe(refused))) {
                    return;
                }
            } catch (ClientException lost) {
                if (giveUp(job, what, attempt, CamundaClients.describe(lost))) {
                    return;
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pause));
            pause = Math.min(pause * 2, settings.reportBackoffMax().toMillis());
        }
    }

    private boolean giveUp(io.camunda.client.api.response.ActivatedJob job, String what, int attempt, String cause) {
        if (attempt >= settings.reportAttempts()) {
            log.warn("{} of {} could not be sent after {} attempts ({}); the job is handed out again after its timeout",
                    what, describe(job), attempt, cause);
            return true;
        }
        log.info("{} of {} not sent ({}); trying again", what, describe(job), cause);
        return false;
    }

    static boolean retryable(int status) {
        return status == 401 || status == 408 || status == 429 || status >= 500;
    }

    private String toJson(Map<String, Object> variables) {
        try {
            return json.writeValueAsString(variables);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("result variables are not JSON-compatible: " + e.getOriginalMessage(), e);
        }
    }

    private static String describe(io.camunda.client.api.response.ActivatedJob job) {
        return "job " + job.getKey() + " (" + job.getType() + ") of process instance " + job.getProcessInstanceKey();
    }

    private static String messageOf(Exception failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.length() > 600 ? message.substring(0, 600) : message;
    }
}
