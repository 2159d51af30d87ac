package org.hoptrace.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.hoptrace.HoptraceApplication;
import org.hoptrace.workflow.MessagePublication;
import org.hoptrace.workflow.UserTaskQuery;
import org.hoptrace.workflow.WorkflowEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops and starts the whole service on the same persistent embedded PostgreSQL: instances waiting
 * at a message, a timer and a user task all resume and complete. Runs in a JVM of its own: Operaton's
 * webapps and engine registry keep static state, so a service started and stopped here would leave
 * the shared test service's webapps and engine REST answering 404.
 */
@Tag("own-jvm")
class RestartTest {

    @TempDir
    Path data;

    private ConfigurableApplicationContext service;

    private ConfigurableApplicationContext startService() {
        return new SpringApplicationBuilder(HoptraceApplication.class)
                .profiles("test")
                .run("--hoptrace.database.embedded.persistent=true",
                        "--hoptrace.database.embedded.data-directory=" + data.resolve("postgres"),
                        "--server.port=0");
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.getBean(WorkflowEngine.class).clock().reset();
            service.close();
        }
    }

    @Test
    void instancesWaitingAtAMessageATimerAndAUserTaskResumeAfterARestart() {
        service = startService();
        WorkflowEngine engine = service.getBean(WorkflowEngine.class);
        String atUserTask = start(engine, "restart-task");
        await().atMost(Duration.ofSeconds(10)).until(() -> waitsAtGateway(atUserTask));
        engine.clock().advance(Duration.ofHours(24).plusMinutes(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> !reviewTasks(engine, atUserTask).isEmpty());
        String atMessage = start(engine, "restart-message");
        String atTimer = start(engine, "restart-timer");
        await().atMost(Duration.ofSeconds(10)).until(() -> waitsAtGateway(atMessage) && waitsAtGateway(atTimer));
        service.close();

        service = startService();
        WorkflowEngine restarted = service.getBean(WorkflowEngine.class);
        HistoryService history = service.getBean(HistoryService.class);

        assertThat(service.getBean(RuntimeService.class).createProcessInstanceQuery().count()).isEqualTo(3);
        restarted.publishMessage(MessagePublication.of("sample-provider-answer", "restart-message", Map.of()));
        await().atMost(Duration.ofSeconds(10)).until(() -> ended(history, atMessage));

        service.getBean(TaskService.class).complete(reviewTasks(restarted, atUserTask).get(0).taskKey(),
                Map.of("escalate", false, "reviewReason", "closed after restart"));
        assertThat(ended(history, atUserTask)).isTrue();

        restarted.clock().advance(Duration.ofHours(24).plusMinutes(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> !reviewTasks(restarted, atTimer).isEmpty());
    }

    private boolean waitsAtGateway(String processInstanceKey) {
        return service.getBean(RuntimeService.class).createEventSubscriptionQuery()
                .processInstanceId(processInstanceKey).eventType("message").count() == 1;
    }

    private static java.util.List<org.hoptrace.workflow.UserTask> reviewTasks(WorkflowEngine engine, String id) {
        return engine.openUserTasks(UserTaskQuery.forProcessInstance(id));
    }

    private static String start(WorkflowEngine engine, String inquiryId) {
        return engine.startProcess("sample-provider-inquiry",
                Map.of("inquiryId", inquiryId, "providerName", "Acme Voice", "priority", "normal")).processInstanceKey();
    }

    private static boolean ended(HistoryService history, String id) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(id).finished().count() == 1;
    }
}
