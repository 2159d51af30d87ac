package org.hoptrace.workflow.camunda8;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Hoptrace's own settings for the Camunda 8 adapter ({@code hoptrace.camunda8.*}).
 *
 * @param tasklistUrl       Camunda Tasklist, for deep links to user tasks (default: the REST address + /tasklist)
 * @param operateUrl        Camunda Operate, for deep links to process instances with incidents
 *                          (default: the REST address + /operate)
 * @param startupTimeout    how long start-up waits for the cluster's topology before it gives up
 * @param workerName        the name jobs are activated with (shown in Operate)
 * @param workerThreads     threads that run job handlers (jobs worked on at once)
 * @param maxJobsActive     most jobs one worker holds at a time
 * @param pollInterval      how often an idle worker asks for jobs
 * @param pollBackoffMin    first pause after a failed job activation (401, 5xx, connection loss)
 * @param pollBackoffMax    longest pause between failed job activations
 * @param reportAttempts    how often a job's outcome (complete, fail, error) is sent before giving up;
 *                          a job whose outcome could not be sent is activated again after its timeout
 * @param reportBackoffMin  first pause before sending an outcome again
 * @param reportBackoffMax  longest pause before sending an outcome again
 */
@ConfigurationProperties("hoptrace.camunda8")
record Camunda8Settings(URI tasklistUrl,
                        URI operateUrl,
                        @DefaultValue("PT15S") Duration startupTimeout,
                        @DefaultValue("hoptrace") String workerName,
                        @DefaultValue("8") int workerThreads,
                        @DefaultValue("32") int maxJobsActive,
                        @DefaultValue("PT0.1S") Duration pollInterval,
                        @DefaultValue("PT0.1S") Duration pollBackoffMin,
                        @DefaultValue("PT10S") Duration pollBackoffMax,
                        @DefaultValue("10") int reportAttempts,
                        @DefaultValue("PT0.2S") Duration reportBackoffMin,
                        @DefaultValue("PT10S") Duration reportBackoffMax) {

    /** Tasklist: configured; on SaaS the cluster's; self-managed the orchestration cluster's /tasklist. */
    String tasklist(CamundaClientSettings client) {
        return trimSlash(tasklistUrl != null ? tasklistUrl : webapp(client, "tasklist"));
    }

    /** Operate: configured; on SaaS the cluster's; self-managed the orchestration cluster's /operate. */
    String operate(CamundaClientSettings client) {
        return trimSlash(operateUrl != null ? operateUrl : webapp(client, "operate"));
    }

    private static URI webapp(CamundaClientSettings client, String name) {
        if (client.saas() && client.restAddress() == null) {
            return URI.create("https://" + client.cloud().region() + "." + name + ".camunda.io/" + client.cloud().clusterId());
        }
        String base = trimSlash(client.effectiveRestAddress());
        return URI.create(base + "/" + name);
    }

    private static String trimSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
