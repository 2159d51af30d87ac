package org.hoptrace.workflow;

import java.util.List;
import java.util.Map;

/**
 * The engine-neutral port through which Hoptrace talks to a BPMN engine. Two adapters implement it:
 * the embedded Operaton engine (default) and a Camunda 8 cluster. Semantics follow Camunda 8.
 */
public interface WorkflowEngine {

    /** Deploys models (BPMN, DMN, forms) in one deployment; unchanged resources are not redeployed. */
    DeploymentResult deploy(List<ModelResource> resources);

    /** Starts the latest version of the process with the given BPMN process id. */
    ProcessInstance startProcess(String processId, Map<String, Object> variables);

    /**
     * Publishes a message. Camunda 8 semantics: it is correlated to a waiting subscription with the
     * same name and correlation key; if none is open it is buffered for its time-to-live and delivered
     * when one opens; a message id is delivered at most once.
     */
    PublishedMessage publishMessage(MessagePublication message);

    /**
     * Cancels a running process instance; unknown or finished instances raise {@link NotFoundException}.
     * If a job of the instance changes at the same moment (optimistic lock, deadlock), Spring's
     * {@link org.springframework.dao.ConcurrencyFailureException} is raised: the caller's transaction
     * is rolled back and may simply be tried again.
     */
    void cancelProcessInstance(String processInstanceKey);

    /** Open user tasks, newest first. */
    List<UserTask> openUserTasks(UserTaskQuery query);

    /** Open incidents, newest first. */
    List<Incident> openIncidents();

    /**
     * Evaluates the latest deployed version of a decision (DMN) with the given input variables.
     * Returns one map per matched rule (output name to value; values JSON-compatible), in rule order;
     * an empty list when no rule matched. An unknown decision id raises {@link NotFoundException}.
     * (Declared here with a default so that this branch compiles alone; the embedded adapter's
     * implementation comes with its own change.)
     */
    default List<Map<String, Object>> evaluateDecision(String decisionId, Map<String, Object> variables) {
        throw new UnsupportedOperationException("this engine adapter does not evaluate decisions directly");
    }

    /** The engine's clock: real time in production, controllable in tests. */
    EngineClock clock();
}
