package org.hoptrace.workflow.camunda8;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.response.EvaluatedDecision;
import io.camunda.client.api.response.EvaluatedDecisionOutput;
import io.camunda.client.api.response.MatchedDecisionRule;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.PublishMessageResponse;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.UserTask;
import org.hoptrace.workflow.DeploymentResult;
import org.hoptrace.workflow.DeploymentResult.DeployedProcess;
import org.hoptrace.workflow.EngineClock;
import org.hoptrace.workflow.MessagePublication;
import org.hoptrace.workflow.ModelResource;
import org.hoptrace.workflow.NotFoundException;
import org.hoptrace.workflow.ProcessInstance;
import org.hoptrace.workflow.PublishedMessage;
import org.hoptrace.workflow.UserTaskQuery;
import org.hoptrace.workflow.WorkflowEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * The workflow port on a Camunda 8 cluster, through the REST API ({@code /v2}). The models deploy
 * unchanged: Camunda 8 is the dialect they are written in.
 */
final class Camunda8WorkflowEngine implements WorkflowEngine {

    private static final Logger log = LoggerFactory.getLogger(Camunda8WorkflowEngine.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    static final int INCIDENT_LIMIT = 200;

    private final CamundaClient client;
    private final ObjectMapper json;
    private final String tasklistUrl;
    private final String operateUrl;
    private final EngineClock clock;

    Camunda8WorkflowEngine(CamundaClient client, ObjectMapper json, String tasklistUrl, String operateUrl,
                           EngineClock clock) {
        this.client = client;
        this.json = json;
        this.tasklistUrl = tasklistUrl;
        this.operateUrl = operateUrl;
        this.clock = clock;
    }

    /**
     * One deployment of every model: processes, decisions and the forms they link. The cluster
     * keeps the version of a resource that did not change; the REST answer does not say which did,
     * so {@code changed} is always true here.
     */
    @Override
    public DeploymentResult deploy(List<ModelResource> resources) {
        if (resources.isEmpty()) {
            throw new IllegalArgumentException("nothing to deploy");
        }
        DeployResourceCommandStep1 command = client.newDeployResourceCommand();
        DeployResourceCommandStep1.DeployResourceCommandStep2 step = null;
        for (ModelResource resource : resources) {
            step = step == null ? command.addResourceBytes(resource.content(), resource.name())
                    : step.addResourceBytes(resource.content(), resource.name());
        }
        DeploymentEvent deployment = step.send().join();
        List<DeployedProcess> processes = deployment.getProcesses().stream()
                .map(process -> new DeployedProcess(process.getBpmnProcessId(), process.getVersion(), process.getResourceName()))
                .toList();
        log.info("{} models deployed to Camunda 8 (deployment {}): {}, {} decision(s), {} form(s)", resources.size(),
                deployment.getKey(), processes, deployment.getDecisions().size(), deployment.getForm().size());
        return new DeploymentResult(Long.toString(deployment.getKey()), true, processes);
    }

    @Override
    public ProcessInstance startProcess(String processId, Map<String, Object> variables) {
        try {
            ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
                    .variables(toJson(variables)).send().join();
            return new ProcessInstance(Long.toString(instance.getProcessInstanceKey()), instance.getBpmnProcessId(),
                    instance.getVersion());
        } catch (ClientHttpException failure) {
            if (failure.code() == 404) {
                throw new NotFoundException("no process with id '" + processId + "' is deployed");
            }
            throw failure;
        }
    }

    /**
     * Publishes through the cluster, which buffers the message for its time-to-live and rejects a
     * second message with the same id while the first is buffered. The cluster does not say whether
     * the message met a waiting subscription at once, so a published message is reported as
     * {@link PublishedMessage.Status#BUFFERED} (published: correlated or waiting).
     */
    @Override
    public PublishedMessage publishMessage(MessagePublication message) {
        var command = client.newPublishMessageCommand().messageName(message.name())
                .correlationKey(message.correlationKey()).timeToLive(message.timeToLive())
                .variables(toJson(message.variables()));
        if (message.messageId() != null) {
            command = command.messageId(message.messageId());
        }
        try {
            PublishMessageResponse response = command.send().join();
            return new PublishedMessage(Long.toString(response.getMessageKey()), PublishedMessage.Status.BUFFERED);
        } catch (ClientHttpException failure) {
            if (failure.code() == 409 && message.messageId() != null) {
                return new PublishedMessage(null, PublishedMessage.Status.DUPLICATE);
            }
            throw failure;
        }
    }

    @Override
    public void cancelProcessInstance(String processInstanceKey) {
        long key = parseKey(processInstanceKey, "process instance");
        try {
            client.newCancelInstanceCommand(key).send().join();
        } catch (ClientHttpException failure) {
            if (failure.code() == 404) {
                throw new NotFoundException("no running process instance '" + processInstanceKey + "'");
            }
            if (failure.code() == 409) {
                throw new ConcurrencyFailureException("process instance '" + processInstanceKey
                        + "' changed while it was being cancelled", failure);
            }
            throw failure;
        }
    }

    @Override
    public List<org.hoptrace.workflow.UserTask> openUserTasks(UserTaskQuery query) {
        Long instanceKey = null;
        if (query.processInstanceKey() != null) {
            instanceKey = keyOrNull(query.processInstanceKey());
            if (instanceKey == null) {
                return List.of();
            }
        }
        Long instance = instanceKey;
        List<UserTask> tasks = client.newUserTaskSearchRequest()
                .filter(filter -> {
                    filter.state(UserTaskState.CREATED);
                    if (instance != null) {
                        filter.processInstanceKey(instance);
                    }
                    if (query.candidateGroup() != null) {
                        filter.candidateGroup(query.candidateGroup());
                    }
                    if (query.assignee() != null) {
                        filter.assignee(query.assignee());
                    }
                })
                .sort(sort -> sort.creationDate().desc())
                .page(page -> page.limit(query.maxResults()))
                .send().join().items();
        return tasks.stream().map(this::toUserTask).toList();
    }

    private org.hoptrace.workflow.UserTask toUserTask(UserTask task) {
        String key = Long.toString(task.getUserTaskKey());
        String formId = task.getFormKey() != null ? Long.toString(task.getFormKey()) : task.getExternalFormReference();
        return new org.hoptrace.workflow.UserTask(key, task.getName(), task.getElementId(),
                string(task.getProcessInstanceKey()), task.getBpmnProcessId(), task.getAssignee(),
                task.getCandidateGroups() == null ? List.of() : List.copyOf(task.getCandidateGroups()), formId,
                task.getCreationDate() == null ? null : task.getCreationDate().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                tasklistUrl + "/" + key);
    }

    @Override
    public List<org.hoptrace.workflow.Incident> openIncidents() {
        List<Incident> incidents = client.newIncidentSearchRequest()
                .filter(filter -> filter.state(IncidentState.ACTIVE))
                .sort(sort -> sort.creationTime().desc())
                .page(page -> page.limit(INCIDENT_LIMIT))
                .send().join().items();
        return incidents.stream().map(incident -> new org.hoptrace.workflow.Incident(string(incident.getIncidentKey()),
                string(incident.getProcessInstanceKey()), incident.getProcessDefinitionId(), incident.getElementId(),
                incident.getErrorType() == null ? null : incident.getErrorType().name(), incident.getErrorMessage(),
                incident.getCreationTime() == null ? null : incident.getCreationTime().toInstant(),
                incident.getProcessInstanceKey() == null ? null
                        : operateUrl + "/processes/" + incident.getProcessInstanceKey())).toList();
    }

    /**
     * Evaluates the latest version of a decision with the cluster's evaluate-decision command: one
     * map per matched rule of that decision (output name to value, as JSON values).
     */
    @Override
    public List<Map<String, Object>> evaluateDecision(String decisionId, Map<String, Object> variables) {
        EvaluateDecisionResponse response;
        try {
            response = client.newEvaluateDecisionCommand().decisionId(decisionId).variables(toJson(variables))
                    .send().join();
        } catch (ClientHttpException failure) {
            if (failure.code() == 404) {
                throw new NotFoundException("no decision with id '" + decisionId + "' is deployed");
            }
            throw failure;
        }
        if (response.getFailedDecisionId() != null && !response.getFailedDecisionId().isEmpty()) {
            throw new IllegalArgumentException("decision '" + response.getFailedDecisionId() + "' failed: "
                    + response.getFailureMessage());
        }
        EvaluatedDecision decision = response.getEvaluatedDecisions().stream()
                .filter(evaluated -> decisionId.equals(evaluated.getDecisionId()))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("the cluster did not return decision '" + decisionId + "'"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MatchedDecisionRule rule : decision.getMatchedRules()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (EvaluatedDecisionOutput output : rule.getEvaluatedOutputs()) {
                String name = output.getOutputName() != null ? output.getOutputName() : output.getOutputId();
                row.put(name, fromJson(output.getOutputValue()));
            }
            rows.add(row);
        }
        return rows;
    }

    @Override
    public EngineClock clock() {
        return clock;
    }

    private String toJson(Map<String, Object> variables) {
        try {
            return json.writeValueAsString(variables == null ? Map.of() : variables);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("variables are not JSON-compatible: " + e.getOriginalMessage(), e);
        }
    }

    private Object fromJson(String value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readValue(value, Object.class);
        } catch (JsonProcessingException e) {
            return value;
        }
    }

    private static long parseKey(String key, String what) {
        Long parsed = keyOrNull(key);
        if (parsed == null) {
            throw new NotFoundException("no " + what + " '" + key + "'");
        }
        return parsed;
    }

    private static Long keyOrNull(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException | NullPointerException notAKey) {
            return null;
        }
    }

    private static String string(Long key) {
        return key == null ? null : key.toString();
    }
}
