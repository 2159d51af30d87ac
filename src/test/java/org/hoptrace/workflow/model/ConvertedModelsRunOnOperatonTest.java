package org.hoptrace.workflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hoptrace.workflow.ModelResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.externaltask.ExternalTask;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.Task;

/** Converted models deployed to a real Operaton engine behave as on Camunda 8. */
class ConvertedModelsRunOnOperatonTest {

    @RegisterExtension
    static final OperatonEngine operaton = new OperatonEngine();

    @BeforeAll
    static void deployAllTestModels() {
        DeploymentConverter.Result result = DeploymentConverter.convert(List.of(
                TestModels.load("job-task.bpmn"), TestModels.load("conditions.bpmn"), TestModels.load("passthrough.bpmn"),
                TestModels.load("event-subprocess.bpmn"),
                TestModels.load("script.bpmn"), TestModels.load("message.bpmn"), TestModels.load("timer.bpmn"),
                TestModels.load("user-task.bpmn"), TestModels.load("multi-instance.bpmn"),
                TestModels.load("call-parent.bpmn"), TestModels.load("call-child.bpmn"),
                TestModels.load("decisions.bpmn"), TestModels.load("provider-tier.dmn"),
                TestModels.load("provider-duties.dmn"), TestModels.load("response-deadline.dmn")));
        assertThat(result.problems()).isEmpty();
        Map<String, String> resources = new LinkedHashMap<>();
        for (ModelResource resource : result.resources()) {
            resources.put(resource.name(), resource.text());
        }
        operaton.deploy(resources);
    }

    private static RuntimeService runtime() {
        return operaton.engine().getRuntimeService();
    }

    private static String endEventOf(ProcessInstance instance) {
        return operaton.engine().getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).activityType("noneEndEvent").singleResult().getActivityId();
    }

    @Test
    void aFeelConditionPicksTheFlowWhoseConditionHolds() {
        ProcessInstance big = runtime().startProcessInstanceByKey("conditions", Map.of("amount", 150, "label", "x"));
        ProcessInstance small = runtime().startProcessInstanceByKey("conditions", Map.of("amount", 50, "label", "x"));

        assertThat(endEventOf(big)).isEqualTo("big");
        assertThat(endEventOf(small)).isEqualTo("small");
    }

    @Test
    void aFeelScriptTaskStoresItsResult() {
        ProcessInstance instance = runtime().startProcessInstanceByKey("script", Map.of("a", 2, "b", 3));

        assertThat(runtime().getVariable(instance.getId(), "sum")).isEqualTo(5L);
    }

    @Test
    void aServiceTaskWaitsAsAnExternalTaskOnItsJobTypeWithMappedInputs() {
        ProcessInstance instance = runtime().startProcessInstanceByKey("job-task", Map.of("tracebackId", "tb-1"));

        ExternalTask task = operaton.engine().getExternalTaskService().createExternalTaskQuery()
                .processInstanceId(instance.getId()).singleResult();
        assertThat(task.getTopicName()).isEqualTo("hop-request");
        assertThat(runtime().getVariablesLocal(task.getExecutionId()))
                .containsEntry("caseId", "tb-1").containsEntry("note", "it's a \\ ${literal}");
    }

    @Test
    void aJobCompletedWithLocalVariablesPropagatesOnlyItsOutputMappings() {
        ProcessInstance instance = runtime().startProcessInstanceByKey("job-task", Map.of("tracebackId", "tb-2"));
        var externalTasks = operaton.engine().getExternalTaskService();
        var locked = externalTasks.fetchAndLock(10, "worker").topic("hop-request", 60_000L)
                .processInstanceVariableEquals("tracebackId", "tb-2").execute();

        externalTasks.complete(locked.get(0).getId(), "worker", Map.of(), Map.of("response", Map.of("status", "answered")));

        assertThat(runtime().getVariables(instance.getId())).containsEntry("hopStatus", "answered")
                .doesNotContainKeys("response", "caseId");
    }

    @Test
    void aMessageToNameAndCorrelationKeyReachesTheWaitingInstance() {
        ProcessInstance instance = runtime().startProcessInstanceByKey("message", Map.of("hopId", "hop-7"));

        runtime().createMessageCorrelation("hop-response::hop-7").correlate();
        runtime().createMessageCorrelation("case-opened::fixed").correlate();

        assertThat(runtime().createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void aMessageStartEventStartsAnInstanceByThePlainMessageName() {
        ProcessInstance instance = runtime().createMessageCorrelation("case-opened")
                .setVariable("hopId", "hop-8").correlateStartMessage();

        assertThat(runtime().createEventSubscriptionQuery().processInstanceId(instance.getId())
                .singleResult().getEventName()).isEqualTo("hop-response::hop-8");
    }

    @Test
    void aFeelTimerIsScheduledFromTheVariable() {
        Instant before = Instant.now();
        ProcessInstance instance = runtime().startProcessInstanceByKey("timer", Map.of("responseWindow", "P3D"));

        Job timer = operaton.engine().getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(timer.getDuedate()).isBetween(Date.from(before.plus(Duration.ofDays(3)).minusSeconds(1)),
                Date.from(Instant.now().plus(Duration.ofDays(3))));
    }

    @Test
    void aUserTaskIsAssignedAndOfferedAsTheFeelExpressionsSay() {
        ProcessInstance instance = runtime().startProcessInstanceByKey("user-task",
                Map.of("reviewer", "carol", "due", "2030-01-01T12:00:00Z"));

        Task task = operaton.engine().getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        List<IdentityLink> links = operaton.engine().getTaskService().getIdentityLinksForTask(task.getId());
        assertThat(task.getAssignee()).isEqualTo("carol");
        assertThat(task.getDueDate()).isEqualTo(Date.from(Instant.parse("2030-01-01T12:00:00Z")));
        assertThat(links).extracting(link -> link.getGroupId() != null ? link.getGroupId() : link.getUserId())
                .contains("legal", "compliance", "ann", "bob");
    }

    @Test
    void decisionResultsHaveCamunda8sShapeForUniqueCollectAndMultiOutputTables() {
        ProcessInstance instance = runtime().startProcessInstanceByKey("decisions",
                Map.of("calls", 1500, "firstSeen", "2024-01-01"));

        Map<String, Object> variables = runtime().getVariables(instance.getId());
        assertThat(variables.get("tier")).isEqualTo("high");
        assertThat(variables.get("duties")).isEqualTo(List.of("respond", "report"));
        assertThat(variables.get("deadline")).isEqualTo(Map.of("days", 1L, "reminder", true));
    }

    @Test
    void parallelAndSequentialMultiInstanceOutputsAreCollectedInOrderAndFeelSeesALoopCounterFromOne() {
        ProcessInstance instance = runtime().startProcessInstanceByKey("multi-instance",
                Map.of("hops", List.of("a", "b", "c")));

        assertThat(runtime().getVariable(instance.getId(), "labels")).isEqualTo(List.of("a#1", "b#2", "c#3"));
        assertThat(runtime().getVariable(instance.getId(), "allTens")).isEqualTo(List.of(10L, 20L, 30L));
    }

    @Test
    void aCallActivityPassesVariablesAsItsPropagationFlagsAndMappingsSay() {
        ProcessInstance instance = runtime().startProcessInstanceByKey("call-parent",
                Map.of("value", 4, "childId", "call-child"));

        Map<String, Object> variables = runtime().getVariables(instance.getId());
        assertThat(variables).containsEntry("result", 8L).containsEntry("doubled", 16L).containsEntry("value", 4);
    }

    @Test
    void passThroughElementsRunUnchanged() {
        ProcessInstance instance = runtime().startProcessInstanceByKey("passthrough",
                Map.of("caseId", "c-1", "window", "PT5M"));

        assertThat(operaton.engine().getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).finished().list())
                .extracting(activity -> activity.getActivityId())
                .contains("note", "escalate", "late-noted", "failed", "manual", "plain", "failure-handled");
        assertThat(runtime().createEventSubscriptionQuery().processInstanceId(instance.getId()).singleResult()
                .getEventName()).isEqualTo("answer::c-1");
    }

    @Test
    void anEventSubprocessInsideASubprocessCorrelatesByKey() {
        ProcessInstance instance = runtime().startProcessInstanceByKey("event-subprocess", Map.of("caseId", "c-2"));

        runtime().createMessageCorrelation("case-withdrawn::c-2").correlate();

        assertThat(operaton.engine().getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).activityId("withdrawn-end").count()).isOne();
    }

    @Test
    void operatonOpensAProcessLevelEventSubprocessSubscriptionBeforeTheStartVariablesExist() {
        operaton.deploy(Map.of("early-subscription.bpmn", """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
                  <message id="closed" name="case-closed::${hoptraceFeel.text(execution, 'caseId')}" />
                  <process id="early-subscription" isExecutable="true">
                    <startEvent id="start" />
                    <sequenceFlow id="f1" sourceRef="start" targetRef="work" />
                    <userTask id="work" />
                    <subProcess id="on-closure" triggeredByEvent="true">
                      <startEvent id="closure"><messageEventDefinition messageRef="closed" /></startEvent>
                      <sequenceFlow id="e1" sourceRef="closure" targetRef="stop" />
                      <endEvent id="stop" />
                    </subProcess>
                  </process>
                </definitions>
                """));

        ProcessInstance instance = runtime().startProcessInstanceByKey("early-subscription", Map.of("caseId", "c-3"));

        assertThat(runtime().createEventSubscriptionQuery().processInstanceId(instance.getId())
                .activityId("closure").singleResult().getEventName()).isEqualTo("case-closed::");
    }
}
