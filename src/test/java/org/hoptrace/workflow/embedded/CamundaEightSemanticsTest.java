package org.hoptrace.workflow.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.hoptrace.HoptraceTest;
import org.hoptrace.workflow.MessagePublication;
import org.hoptrace.workflow.ModelRejectedException;
import org.hoptrace.workflow.ModelResource;
import org.hoptrace.workflow.NotFoundException;
import org.hoptrace.workflow.PublishedMessage.Status;
import org.hoptrace.workflow.UserTask;
import org.hoptrace.workflow.UserTaskQuery;
import org.hoptrace.workflow.WorkflowEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.variable.value.ObjectValue;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Camunda 8 models through the workflow port on the embedded engine and PostgreSQL: the
 * behaviours Hoptrace relies on, each asserted on the path taken and the variables.
 */
@HoptraceTest
class CamundaEightSemanticsTest {

    @Autowired WorkflowEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired TaskService tasks;
    @Autowired MessageBuffer messages;
    @Autowired TestWorkers workers;
    @Autowired ExternalTaskService externalTasks;

    @AfterEach
    void resetClock() {
        engine.clock().reset();
    }

    private void deploy(String processId, BpmnModelInstance model) {
        engine.deploy(List.of(ModelResource.of(processId + ".bpmn", Bpmn.convertToString(model))));
    }

    private boolean passed(String id, String elementId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(id).activityId(elementId).count() > 0;
    }

    private boolean ended(String id) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(id).finished().count() == 1;
    }

    private List<UserTask> userTasks(String id) {
        return engine.openUserTasks(UserTaskQuery.forProcessInstance(id));
    }

    @Test
    void aBpmnErrorFromAWorkerTakesTheErrorBoundaryWithItsVariables() {
        deploy("c8-error", Bpmn.createExecutableProcess("c8-error").startEvent()
                .serviceTask("charge", task -> task.zeebeJobType("test-reject"))
                .boundaryEvent("rejected").error("ORDER_REJECTED").userTask("handle").zeebeUserTask().endEvent()
                .moveToActivity("charge").endEvent("charged").done());

        String id = engine.startProcess("c8-error", Map.of("orderId", "e1", "amount", 5)).processInstanceKey();

        await().atMost(Duration.ofSeconds(10)).until(() -> !userTasks(id).isEmpty());
        assertThat(userTasks(id)).extracting(UserTask::elementId).containsExactly("handle");
        assertThat(runtime.getVariable(id, "reason")).isEqualTo("too large");
        assertThat(workers.calls("reject:e1")).isEqualTo(1);
    }

    @Test
    void aFailingWorkerUsesTheModelsRetriesThenRaisesAnIncident() {
        deploy("c8-retries", Bpmn.createExecutableProcess("c8-retries").startEvent()
                .serviceTask("pay", task -> task.zeebeJobType("test-broken").zeebeJobRetries("2")).endEvent().done());

        String id = engine.startProcess("c8-retries", Map.of("orderId", "r1", "amount", 5)).processInstanceKey();

        await().atMost(Duration.ofSeconds(10)).until(() -> workers.calls("broken:r1") == 1);
        // the back-off runs from the engine clock when the failure is written, a moment after the call
        await().atMost(Duration.ofSeconds(10)).until(() -> externalTasks.createExternalTaskQuery()
                .processInstanceId(id).singleResult().getRetries() == 1);
        engine.clock().advance(Duration.ofSeconds(61));
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.openIncidents().stream()
                .anyMatch(incident -> id.equals(incident.processInstanceKey())));
        assertThat(workers.calls("broken:r1")).isEqualTo(2);
    }

    @Test
    void onlyOutputMappingsReachTheProcessWhenATaskHasThem() {
        deploy("c8-outputs", Bpmn.createExecutableProcess("c8-outputs").startEvent()
                .serviceTask("charge", task -> task.zeebeJobType("test-charge").zeebeTaskHeader("prefix", "X")
                        .zeebeOutputExpression("receipt", "paymentReceipt"))
                .userTask("done").zeebeUserTask().endEvent().done());

        String id = engine.startProcess("c8-outputs", Map.of("orderId", "o2", "amount", 7)).processInstanceKey();

        await().atMost(Duration.ofSeconds(10)).until(() -> !userTasks(id).isEmpty());
        assertThat(runtime.getVariables(id)).containsEntry("paymentReceipt", "R-o2-X").doesNotContainKey("receipt")
                .doesNotContainKey("charged");
    }

    @Test
    void aMessagePublishedBeforeItsSubscriptionOpensIsCorrelatedWithinItsTimeToLive() {
        deploy("c8-late-subscription", Bpmn.createExecutableProcess("c8-late-subscription").startEvent()
                .userTask("prepare").zeebeUserTask()
                .intermediateCatchEvent("paid").message(m -> m.name("paid").zeebeCorrelationKeyExpression("orderId"))
                .endEvent().done());
        String id = engine.startProcess("c8-late-subscription", Map.of("orderId", "ls1")).processInstanceKey();

        var published = engine.publishMessage(MessagePublication.of("paid", "ls1", Map.of("paidBy", "card"))
                .withTimeToLive(Duration.ofMinutes(10)));
        assertThat(published.status()).isEqualTo(Status.BUFFERED);

        tasks.complete(userTasks(id).get(0).taskKey());
        await().atMost(Duration.ofSeconds(10)).until(() -> ended(id));
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("paidBy")
                .singleResult().getValue()).isEqualTo("card");
    }

    @Test
    void aBufferedMessageIsNotDeliveredAfterItsTimeToLive() {
        deploy("c8-expiry", Bpmn.createExecutableProcess("c8-expiry").startEvent()
                .intermediateCatchEvent("paid").message(m -> m.name("expiring").zeebeCorrelationKeyExpression("orderId"))
                .endEvent().done());
        engine.publishMessage(MessagePublication.of("expiring", "x1", Map.of()).withTimeToLive(Duration.ofMinutes(1)));
        engine.clock().advance(Duration.ofMinutes(2));

        String id = engine.startProcess("c8-expiry", Map.of("orderId", "x1")).processInstanceKey();

        assertThat(messages.deliverPending()).isZero();
        assertThat(ended(id)).isFalse();
    }

    @Test
    void aMessageIdIsDeliveredAtMostOnce() {
        deploy("c8-message-id", Bpmn.createExecutableProcess("c8-message-id").startEvent()
                .intermediateCatchEvent("answered").message(m -> m.name("answer").zeebeCorrelationKeyExpression("hopId"))
                .endEvent().done());
        String first = engine.startProcess("c8-message-id", Map.of("hopId", "h1")).processInstanceKey();
        var answer = MessagePublication.of("answer", "h1", Map.of()).withMessageId("answer-h1-1");

        assertThat(engine.publishMessage(answer).status()).isEqualTo(Status.CORRELATED);
        String second = engine.startProcess("c8-message-id", Map.of("hopId", "h1")).processInstanceKey();
        assertThat(engine.publishMessage(answer).status()).isEqualTo(Status.DUPLICATE);

        assertThat(ended(first)).isTrue();
        assertThat(ended(second)).isFalse();
        assertThat(engine.publishMessage(answer.withMessageId("answer-h1-2")).status()).isEqualTo(Status.CORRELATED);
        assertThat(ended(second)).isTrue();
    }

    @Test
    void aFeelTimerOnABoundaryEventFiresWhenTheEngineClockPassesIt() {
        deploy("c8-reminder", Bpmn.createExecutableProcess("c8-reminder").startEvent()
                .userTask("answer").zeebeUserTask().zeebeCandidateGroups("itg-staff")
                .boundaryEvent("reminder").cancelActivity(false).timerWithDurationExpression("remindAfter")
                .userTask("remind").zeebeUserTask().endEvent()
                .moveToActivity("answer").endEvent().done());
        String id = engine.startProcess("c8-reminder", Map.of("remindAfter", "PT20H")).processInstanceKey();

        engine.clock().advance(Duration.ofHours(19));
        assertThat(passed(id, "reminder")).isFalse();
        engine.clock().advance(Duration.ofHours(1).plusMinutes(1));

        assertThat(userTasks(id)).extracting(UserTask::elementId).containsExactlyInAnyOrder("answer", "remind");
    }

    @Test
    void userTasksShowTheirFormCandidatesAssigneeAndDueDate() {
        deploy("c8-user-task", Bpmn.createExecutableProcess("c8-user-task").startEvent()
                .userTask("review", task -> task.zeebeUserTask().zeebeFormId("sample-inquiry-review")
                        .zeebeCandidateGroups("legal-reviewer, legal-supervisor").zeebeAssigneeExpression("owner")
                        .zeebeDueDateExpression("due"))
                .endEvent().done());

        String id = engine.startProcess("c8-user-task", Map.of("owner", "reviewer", "due", "2027-01-15T17:00:00Z"))
                .processInstanceKey();

        UserTask review = userTasks(id).get(0);
        assertThat(review.formId()).isEqualTo("sample-inquiry-review");
        assertThat(review.candidateGroups()).containsExactlyInAnyOrder("legal-reviewer", "legal-supervisor");
        assertThat(review.assignee()).isEqualTo("reviewer");
        assertThat(review.due()).isEqualTo(java.time.Instant.parse("2027-01-15T17:00:00Z"));
        assertThat(engine.openUserTasks(new UserTaskQuery(null, "legal-supervisor", null, 100)))
                .extracting(UserTask::taskKey).contains(review.taskKey());
    }

    @Test
    void variablesAreJsonAndFeelReadsIntoThem() {
        deploy("c8-json", Bpmn.createExecutableProcess("c8-json").startEvent().exclusiveGateway("large")
                .conditionExpression("order.lines[1].quantity > 10").userTask("bulk").zeebeUserTask().endEvent()
                .moveToLastGateway().conditionExpression("order.lines[1].quantity <= 10").userTask("normal").zeebeUserTask().endEvent().done());

        String id = engine.startProcess("c8-json", Map.of("order",
                Map.of("id", "j1", "lines", List.of(Map.of("quantity", 12), Map.of("quantity", 1))))).processInstanceKey();

        assertThat(userTasks(id)).extracting(UserTask::elementId).containsExactly("bulk");
        ObjectValue order = runtime.getVariableTyped(id, "order", false);
        assertThat(order.getSerializationDataFormat()).isEqualTo("application/json");
        assertThat(order.getValueSerialized()).contains("\"quantity\":12");
    }

    @Test
    void multiInstanceWorkersSeeALoopCounterFromOneAndOutputsAreCollectedInOrder() {
        deploy("c8-multi", Bpmn.createExecutableProcess("c8-multi").startEvent()
                .serviceTask("echo", task -> task.zeebeJobType("test-echo").multiInstance(mi -> mi.parallel()
                        .zeebeInputCollectionExpression("items").zeebeInputElement("item")
                        .zeebeOutputCollection("results").zeebeOutputElementExpression("echoed")))
                .userTask("done").zeebeUserTask().endEvent().done());

        String id = engine.startProcess("c8-multi", Map.of("orderId", "mi1", "items", List.of("a", "b", "c")))
                .processInstanceKey();

        await().atMost(Duration.ofSeconds(10)).until(() -> !userTasks(id).isEmpty());
        assertThat(runtime.getVariable(id, "results")).isEqualTo(List.of(1, 2, 3));
    }

    @Test
    void aModelWithAnElementOutsideTheSubsetIsRejectedNamingFileAndElement() {
        String model = Bpmn.convertToString(Bpmn.createExecutableProcess("c8-signal").startEvent()
                .intermediateCatchEvent("waitForSignal").signal("stop").endEvent().done());

        assertThatThrownBy(() -> engine.deploy(List.of(ModelResource.of("c8-signal.bpmn", model))))
                .isInstanceOf(ModelRejectedException.class)
                .hasMessageContaining("c8-signal.bpmn:waitForSignal:");
        assertThatThrownBy(() -> engine.startProcess("c8-signal", Map.of())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aCancelledInstanceStopsAndAnUnknownOneIsReported() {
        deploy("c8-cancel", Bpmn.createExecutableProcess("c8-cancel").startEvent()
                .userTask("wait").zeebeUserTask().endEvent().done());
        String id = engine.startProcess("c8-cancel", Map.of()).processInstanceKey();

        engine.cancelProcessInstance(id);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).count()).isZero();
        assertThatThrownBy(() -> engine.cancelProcessInstance(id)).isInstanceOf(NotFoundException.class);
    }
}
