package org.hoptrace.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.hoptrace.HoptraceTest;
import org.hoptrace.workflow.MessagePublication;
import org.hoptrace.workflow.UserTask;
import org.hoptrace.workflow.UserTaskQuery;
import org.hoptrace.workflow.WorkflowEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.FormService;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** The shipped sample process, run on the embedded engine exactly as deployed at start-up. */
@HoptraceTest
class SampleProviderInquiryProcessTest {

    @Autowired WorkflowEngine engine;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired FormService forms;

    @AfterEach
    void resetClock() {
        engine.clock().reset();
    }

    private String start(String inquiryId, String priority) {
        String id = engine.startProcess("sample-provider-inquiry",
                Map.of("inquiryId", inquiryId, "providerName", "Acme Voice", "priority", priority)).processInstanceKey();
        await().atMost(Duration.ofSeconds(10)).until(() -> passed(id, "Gateway_WaitForAnswer"));
        return id;
    }

    @Test
    void anAnswerBeforeTheDeadlineEndsTheInquiryAsAnswered() {
        String id = start("inq-answered", "normal");

        engine.publishMessage(MessagePublication.of("sample-provider-answer", "inq-answered", Map.of("answer", "upstream")));

        await().atMost(Duration.ofSeconds(10)).until(() -> passed(id, "EndEvent_Answered"));
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("answer")
                .singleResult().getValue()).isEqualTo("upstream");
    }

    @Test
    void anUrgentInquiryWithoutAnswerGoesToReviewAfterFourHoursAndCanBeEscalated() throws Exception {
        String id = start("inq-urgent", "urgent");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("responseDeadline")
                .singleResult().getValue()).isEqualTo("PT4H");

        engine.clock().advance(Duration.ofHours(3));
        assertThat(reviewTasks(id)).isEmpty();
        engine.clock().advance(Duration.ofHours(1).plusMinutes(1));

        UserTask review = await().atMost(Duration.ofSeconds(10)).until(() -> reviewTasks(id), found -> !found.isEmpty()).get(0);
        assertThat(review.candidateGroups()).containsExactly("itg-staff");
        assertThat(review.formId()).isEqualTo("sample-inquiry-review");
        assertThat(review.tasklistUrl()).contains("/operaton/app/tasklist/").contains(review.taskKey());
        try (var form = forms.getDeployedTaskForm(review.taskKey())) {
            assertThat(new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("\"id\": \"sample-inquiry-review\"").contains("\"key\": \"escalate\"");
        }

        tasks.complete(review.taskKey(), Map.of("escalate", true, "reviewReason", "third unanswered request"));
        assertThat(passed(id, "EndEvent_Escalated")).isTrue();
    }

    @Test
    void aReviewerCanCloseAnUnansweredInquiry() {
        String id = start("inq-close", "normal");
        engine.clock().advance(Duration.ofHours(24).plusMinutes(1));
        UserTask review = await().atMost(Duration.ofSeconds(10)).until(() -> reviewTasks(id), found -> !found.isEmpty()).get(0);

        tasks.complete(review.taskKey(), Map.of("escalate", false, "reviewReason", "provider answered by phone"));

        assertThat(passed(id, "EndEvent_Closed")).isTrue();
        assertThat(passed(id, "EndEvent_Escalated")).isFalse();
    }

    private List<UserTask> reviewTasks(String processInstanceKey) {
        return engine.openUserTasks(UserTaskQuery.forProcessInstance(processInstanceKey));
    }

    private boolean passed(String processInstanceKey, String elementId) {
        List<HistoricActivityInstance> visits = history.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceKey).activityId(elementId).list();
        return !visits.isEmpty();
    }
}
