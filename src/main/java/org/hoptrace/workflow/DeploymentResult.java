package org.hoptrace.workflow;

import java.util.List;

/**
 * Outcome of a deployment: its key and the processes now deployed (id and version).
 * {@code changed} is false when every resource was identical to the deployed one.
 */
public record DeploymentResult(String deploymentKey, boolean changed, List<DeployedProcess> processes) {

    public record DeployedProcess(String processId, int version, String resourceName) {
    }
}
