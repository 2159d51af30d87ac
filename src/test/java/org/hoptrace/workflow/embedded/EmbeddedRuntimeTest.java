package org.hoptrace.workflow.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.hoptrace.HoptraceTest;
import org.hoptrace.workflow.MessagePublication;
import org.hoptrace.workflow.PublishedMessage.Status;
import org.hoptrace.workflow.WorkflowEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The embedded runtime's own mechanics on Operaton-dialect models: job activation, results,
 * retries under the engine clock, and message buffering. (Camunda 8 models are covered by the
 * subset tests, which go through the converter.)
 */
@HoptraceTest
class EmbeddedRuntimeTest {

    @Autowired WorkflowEngine engine;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired TestWorkers workers;
    @Autowired TaskService tasks;
    @Autowired ExternalTaskService externalTasks;

    @AfterEach
    void resetClock() {
        engine.clock().reset();
    }

    private void deploy(BpmnModelInstance model, String name) {
        repository.createDeployment().name("runtime-test").addModelInstance(name + ".bpmn", model)
                .enableDuplicateFiltering(true).deploy();
    }

    private boolean ended(String processInstanceId) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).finished().count() == 1;
    }

    /**
     * The worker counts a call when it starts; the failure (and the back-off it sets from the engine
     * clock) is written a moment later. Moving the clock before that would move the back-off too.
     */
    private void awaitFailureRecorded(String processInstanceId, int retriesLeft) {
        await().atMost(Duration.ofSeconds(10)).until(() -> externalTasks.createExternalTaskQuery()
                .processInstanceId(processInstanceId).singleResult().getRetries() == retriesLeft);
    }

    @Test
    void aWorkerResultBecomesProcessVariables() {
        deploy(Bpmn.createExecutableProcess("runtime-charge").startEvent()
                .serviceTask("charge").operatonExternalTask("test-charge")
                .userTask("wait").endEvent().done(), "runtime-charge");

        String id = engine.startProcess("runtime-charge", Map.of("orderId", "o1", "amount", 42)).processInstanceKey();

        await().atMost(Duration.ofSeconds(10)).until(() -> runtime.getVariable(id, "receipt") != null);
        assertThat(runtime.getVariables(id)).containsEntry("receipt", "R-o1-")
                .hasEntrySatisfying("charged", charged -> assertThat(((Number) charged).longValue()).isEqualTo(42));
    }

    @Test
    void aFailingWorkerIsRetriedAfterItsBackoffThenRaisesAnIncident() {
        deploy(Bpmn.createExecutableProcess("runtime-broken").startEvent()
                .serviceTask("pay").operatonExternalTask("test-broken").endEvent().done(), "runtime-broken");

        String id = engine.startProcess("runtime-broken", Map.of("orderId", "b1", "amount", 1)).processInstanceKey();

        await().atMost(Duration.ofSeconds(10)).until(() -> workers.calls("broken:b1") == 1);
        awaitFailureRecorded(id, 2);
        assertThat(engine.openIncidents()).noneMatch(incident -> id.equals(incident.processInstanceKey()));
        engine.clock().advance(Duration.ofMinutes(1).plusSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> workers.calls("broken:b1") == 2);
        awaitFailureRecorded(id, 1);
        engine.clock().advance(Duration.ofMinutes(1).plusSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.openIncidents().stream()
                .anyMatch(incident -> id.equals(incident.processInstanceKey())));
        assertThat(workers.calls("broken:b1")).isEqualTo(3);
        assertThat(engine.openIncidents()).filteredOn(incident -> id.equals(incident.processInstanceKey()))
                .singleElement().satisfies(incident -> {
                    assertThat(incident.elementId()).isEqualTo("pay");
                    assertThat(incident.message()).contains("payment service unavailable");
                });
    }

    @Test
    void aMessagePublishedBeforeItsSubscriptionOpensIsDeliveredWhenItOpens() {
        deploy(Bpmn.createExecutableProcess("runtime-message").startEvent()
                .userTask("prepare")
                .intermediateCatchEvent("paid").message("paid::${orderId}")
                .endEvent().done(), "runtime-message");
        String id = engine.startProcess("runtime-message", Map.of("orderId", "m1")).processInstanceKey();

        var published = engine.publishMessage(new MessagePublication("paid", "m1", Map.of("paidBy", "card"),
                Duration.ofHours(1), null));
        assertThat(published.status()).isEqualTo(Status.BUFFERED);

        var task = engine.openUserTasks(org.hoptrace.workflow.UserTaskQuery.forProcessInstance(id)).get(0);
        tasks.complete(task.taskKey());

        await().atMost(Duration.ofSeconds(10)).until(() -> ended(id));
    }
}
