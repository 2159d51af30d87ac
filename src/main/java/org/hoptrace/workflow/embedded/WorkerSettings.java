package org.hoptrace.workflow.embedded;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the embedded engine runs job workers.
 *
 * @param threads         worker threads (jobs worked on at once)
 * @param maxJobsPerFetch most jobs locked by one fetch
 * @param pollInterval    how long the fetcher waits for work before asking again
 * @param workerId        the id jobs are locked with
 */
@ConfigurationProperties("hoptrace.workers")
record WorkerSettings(@DefaultValue("8") int threads,
                      @DefaultValue("32") int maxJobsPerFetch,
                      @DefaultValue("PT0.5S") Duration pollInterval,
                      @DefaultValue("hoptrace") String workerId) {
}
