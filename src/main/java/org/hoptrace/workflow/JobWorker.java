package org.hoptrace.workflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean method as the worker of one job type (Camunda 8's programming model).
 * The method takes a variables type (a record bound from the job's variables), and optionally the
 * {@link ActivatedJob}; it returns the result variables (a record, a Map, or void). Throw
 * {@link BpmnError} for business outcomes; any other exception is retried with back-off until the
 * job's retries run out, then an incident is raised.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface JobWorker {

    /** The job type, as in the model's {@code zeebe:taskDefinition type}. */
    String type();

    /** How long a job stays locked for this worker, ISO-8601. */
    String timeout() default "PT5M";

    /** Back-off before a failed job is retried, ISO-8601. */
    String retryBackoff() default "PT10S";
}
