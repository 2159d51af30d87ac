package org.hoptrace.workflow.embedded;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.workflow.BpmnError;
import org.hoptrace.workflow.JobWorkerRegistration;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.OptimisticLockingException;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one locked job through its worker and reports the outcome to the engine, as Camunda 8 does:
 * complete with the result; a {@link BpmnError} to the model; any other failure retried after the
 * worker's back-off until the retries run out, when the engine raises an incident.
 */
final class ExternalTaskRunner {

    private static final Logger log = LoggerFactory.getLogger(ExternalTaskRunner.class);
    private static final int MAX_REPORT_ATTEMPTS = 10;

    private final ExternalTaskService externalTasks;
    private final ObjectMapper json;
    private final String workerId;

    ExternalTaskRunner(ExternalTaskService externalTasks, ObjectMapper json, String workerId) {
        this.externalTasks = externalTasks;
        this.json = json;
        this.workerId = workerId;
    }

    void run(LockedExternalTask task, JobWorkerRegistration worker) {
        Map<String, Object> result;
        LockedJob job = null;
        try {
            job = new LockedJob(task, json);
            result = worker.handler().handle(job);
        } catch (BpmnError error) {
            report(task, () -> externalTasks.handleBpmnError(task.getId(), workerId, error.errorCode(),
                    error.getMessage(), error.variables()));
            return;
        } catch (Exception failure) {
            fail(task, worker, failure);
            return;
        }
        boolean localResult = job.localResult();
        report(task, () -> {
            if (localResult) {
                externalTasks.complete(task.getId(), workerId, Map.of(), result);
            } else {
                externalTasks.complete(task.getId(), workerId, result);
            }
        });
    }

    private void fail(LockedExternalTask task, JobWorkerRegistration worker, Exception failure) {
        int retriesLeft = Math.max(LockedJob.retriesOf(task) - 1, 0);
        long backoff = retriesLeft > 0 ? worker.retryBackoff().toMillis() : 0;
        String job = describe(task);
        if (retriesLeft > 0) {
            log.info("{} failed ({}); {} retries left, next in {} ms", job, failure.getMessage(), retriesLeft, backoff);
        } else {
            log.warn("{} failed ({}); no retries left, raising an incident", job, failure.getMessage());
        }
        report(task, () -> externalTasks.handleFailure(task.getId(), workerId, messageOf(failure),
                stackTraceOf(failure), retriesLeft, backoff));
    }

    /**
     * Tells the engine the outcome. Jobs of one instance finishing at the same moment (parallel
     * branches, multi-instance) collide in Operaton's optimistic locking, where Camunda 8 would
     * serialize them: the losing report is repeated after a short random pause. If the job was
     * cancelled or its lock lost meanwhile, that is logged.
     */
    private void report(LockedExternalTask task, Runnable outcome) {
        for (int attempt = 1; ; attempt++) {
            try {
                outcome.run();
                return;
            } catch (OptimisticLockingException collision) {
                if (attempt == MAX_REPORT_ATTEMPTS) {
                    log.warn("Could not report the outcome of {} after {} collisions", describe(task), attempt);
                    return;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextInt(5, 20 * attempt)));
            } catch (ProcessEngineException engineProblem) {
                log.warn("Could not report the outcome of {}: {}", describe(task), engineProblem.getMessage());
                return;
            }
        }
    }

    private static String describe(LockedExternalTask task) {
        return "job " + task.getId() + " (" + task.getTopicName() + ") of process instance " + task.getProcessInstanceId();
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
