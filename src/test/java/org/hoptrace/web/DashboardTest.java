package org.hoptrace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.hoptrace.HoptraceTest;
import org.hoptrace.workflow.UserTaskQuery;
import org.hoptrace.workflow.WorkflowEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dashboard lists the engine's open user tasks with a link into Tasklist. */
@HoptraceTest
class DashboardTest {

    @LocalServerPort
    int port;

    @Autowired
    WorkflowEngine engine;

    @Autowired
    RuntimeService runtime;

    @AfterEach
    void resetClock() {
        engine.clock().reset();
    }

    @Test
    void anOpenReviewTaskAppearsOnTheDashboardWithItsTasklistLink() {
        String id = engine.startProcess("sample-provider-inquiry",
                Map.of("inquiryId", "dashboard-inquiry", "providerName", "Acme Voice", "priority", "urgent"))
                .processInstanceKey();
        await().atMost(Duration.ofSeconds(10)).until(() -> runtime.createEventSubscriptionQuery()
                .processInstanceId(id).eventType("message").count() == 1);
        engine.clock().advance(Duration.ofHours(4).plusMinutes(1));
        String taskKey = await().atMost(Duration.ofSeconds(10))
                .until(() -> engine.openUserTasks(UserTaskQuery.forProcessInstance(id)), t -> !t.isEmpty())
                .get(0).taskKey();

        ConsoleClient browser = new ConsoleClient(port);
        browser.logIn("staff", "hoptrace");
        String page = browser.get("/").body();

        assertThat(page).contains("Review unanswered inquiry").contains("sample-provider-inquiry")
                .contains("itg-staff").contains(taskKey).contains("/operaton/app/tasklist/default/");
    }
}
