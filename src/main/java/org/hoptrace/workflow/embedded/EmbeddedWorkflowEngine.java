package org.hoptrace.workflow.embedded;

import java.util.List;
import java.util.Map;

import org.hoptrace.workflow.DeploymentResult;
import org.hoptrace.workflow.EngineClock;
import org.hoptrace.workflow.Incident;
import org.hoptrace.workflow.MessagePublication;
import org.hoptrace.workflow.ModelResource;
import org.hoptrace.workflow.NotFoundException;
import org.hoptrace.workflow.ProcessInstance;
import org.hoptrace.workflow.PublishedMessage;
import org.hoptrace.workflow.UserTask;
import org.hoptrace.workflow.UserTaskQuery;
import org.hoptrace.workflow.WorkflowEngine;
import org.operaton.bpm.engine.BadUserRequestException;
import org.operaton.bpm.engine.OptimisticLockingException;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.exception.NullValueException;
import org.operaton.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.OptimisticLockingFailureException;

/** The workflow port on the embedded Operaton engine. */
final class EmbeddedWorkflowEngine implements WorkflowEngine {

    private final EmbeddedModelDeployer deployer;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final MessageBuffer messages;
    private final EmbeddedTaskQueries queries;
    private final EngineClock clock;

    EmbeddedWorkflowEngine(EmbeddedModelDeployer deployer, RuntimeService runtime, RepositoryService repository,
                           MessageBuffer messages, EmbeddedTaskQueries queries, EngineClock clock) {
        this.deployer = deployer;
        this.runtime = runtime;
        this.repository = repository;
        this.messages = messages;
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public DeploymentResult deploy(List<ModelResource> resources) {
        return deployer.deploy(resources);
    }

    @Override
    public ProcessInstance startProcess(String processId, Map<String, Object> variables) {
        org.operaton.bpm.engine.runtime.ProcessInstance instance;
        try {
            instance = runtime.startProcessInstanceByKey(processId, variables);
        } catch (NullValueException notDeployed) {
            throw new NotFoundException("no process with id '" + processId + "' is deployed");
        }
        ProcessDefinition definition = repository.getProcessDefinition(instance.getProcessDefinitionId());
        return new ProcessInstance(instance.getId(), processId, definition.getVersion());
    }

    @Override
    public PublishedMessage publishMessage(MessagePublication message) {
        return messages.publish(message);
    }

    @Override
    public void cancelProcessInstance(String processInstanceKey) {
        try {
            runtime.deleteProcessInstance(processInstanceKey, "cancelled through Hoptrace", false, true);
        } catch (NullValueException | BadUserRequestException notFound) {
            throw new NotFoundException("no running process instance '" + processInstanceKey + "'");
        } catch (OptimisticLockingException collision) {
            throw new OptimisticLockingFailureException("process instance '" + processInstanceKey
                    + "' changed while it was being cancelled (a job was locked or completed)", collision);
        } catch (ProcessEngineException failure) {
            if (failure.getCode() == BuiltinExceptionCode.DEADLOCK.getCode()) {
                throw new CannotAcquireLockException("cancelling process instance '" + processInstanceKey
                        + "' deadlocked with a job of the instance", failure);
            }
            throw failure;
        }
    }

    @Override
    public List<UserTask> openUserTasks(UserTaskQuery query) {
        return queries.openUserTasks(query);
    }

    @Override
    public List<Incident> openIncidents() {
        return queries.openIncidents();
    }

    @Override
    public EngineClock clock() {
        return clock;
    }
}
