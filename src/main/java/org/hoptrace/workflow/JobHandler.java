package org.hoptrace.workflow;

import java.util.Map;

/** Does the work of one job: returns the result variables, or throws (see {@link JobWorker}). */
@FunctionalInterface
public interface JobHandler {

    Map<String, Object> handle(ActivatedJob job) throws Exception;
}
