package org.hoptrace.workflow.embedded;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import org.hoptrace.workflow.BpmnError;
import org.hoptrace.workflow.JobWorkerRegistration;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one locked job through its worker and reports the outcome to the engine, as Camunda 8 does:
 * complete with the result; a {@link BpmnError} to the model; any other failure retried after the
 * worker's back-off until the retries run out, when the engine raises an incident.
 */
final class ExternalTaskRunner {

    private static final Logger log = LoggerFactory.getLogger(ExternalTaskRunner.class);

    private final ExternalTaskService externalTasks;
    private final String workerId;

    ExternalTaskRunner(ExternalTaskService externalTasks, String workerId) {
        this.externalTasks = externalTasks;
        this.workerId = workerId;
    }

    void run(LockedJob job, JobWorkerRegistration worker) {
        try {
            Map<String, Object> result = worker.handler().handle(job);
            if (job.localResult()) {
                externalTasks.complete(job.key(), workerId, Map.of(), result);
            } else {
                externalTasks.complete(job.key(), workerId, result);
            }
        } catch (BpmnError error) {
            externalTasks.handleBpmnError(job.key(), workerId, error.errorCode(), error.getMessage(), error.variables());
        } catch (ProcessEngineException engineProblem) {
            log.warn("Could not report the outcome of {}: {}", job, engineProblem.getMessage());
        } catch (Exception failure) {
            fail(job, worker, failure);
        }
    }

    private void fail(LockedJob job, JobWorkerRegistration worker, Exception failure) {
        int retriesLeft = Math.max(job.retries() - 1, 0);
        long backoff = retriesLeft > 0 ? worker.retryBackoff().toMillis() : 0;
        if (retriesLeft > 0) {
            log.info("{} failed ({}); {} retries left, next in {} ms", job, failure.getMessage(), retriesLeft, backoff);
        } else {
            log.warn("{} failed ({}); no retries left, raising an incident", job, failure.getMessage());
        }
        try {
            externalTasks.handleFailure(job.key(), workerId, messageOf(failure), stackTraceOf(failure), retriesLeft, backoff);
        } catch (ProcessEngineException engineProblem) {
            log.warn("Could not report the failure of {}: {}", job, engineProblem.getMessage());
        }
    }

    private static String messageOf(Exception failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.length() > 600 ? message.substring(0, 600) : message;
    }

    private static String stackTraceOf(Exception failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
