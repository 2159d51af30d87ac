package org.hoptrace.workflow.embedded;

import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.LinkedHashMap;
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
import org.operaton.bpm.engine.DecisionService;
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
    private final DecisionService decisions;
    private final MessageBuffer messages;
    private final EmbeddedTaskQueries queries;
    private final EngineClock clock;

    EmbeddedWorkflowEngine(EmbeddedModelDeployer deployer, RuntimeService runtime, RepositoryService repository,
                           DecisionService decisions, MessageBuffer messages, EmbeddedTaskQueries queries,
                           EngineClock clock) {
        this.deployer = deployer;
        this.runtime = runtime;
        this.repository = repository;
        this.decisions = decisions;
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
    public List<Map<String, Object>> evaluateDecision(String decisionId, Map<String, Object> variables) {
        try {
            return decisions.evaluateDecisionByKey(decisionId).variables(variables).evaluate().stream()
                    .map(entries -> jsonMap(entries.getEntryMap()))
                    .toList();
        } catch (org.operaton.bpm.engine.exception.NotFoundException | NullValueException notDeployed) {
            throw new NotFoundException("no decision with id '" + decisionId + "' is deployed");
        }
    }

    /** FEEL results as JSON values: integral numbers as long, others as double, dates and times as ISO strings. */
    private static Object json(Object value) {
        if (value instanceof BigDecimal number) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException notIntegral) {
                return number.doubleValue();
            }
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float number) {
            return number.doubleValue();
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof TemporalAccessor temporal) {
            return temporal.toString();
        }
        if (value instanceof Map<?, ?> map) {
            return jsonMap(map);
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(EmbeddedWorkflowEngine::json).toList();
        }
        return value;
    }

    private static Map<String, Object> jsonMap(Map<?, ?> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((key, value) -> result.put(String.valueOf(key), json(value)));
        return result;
    }

    @Override
    public EngineClock clock() {
        return clock;
    }
}
