package org.hoptrace.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.hoptrace.workflow.Incident;
import org.hoptrace.workflow.UserTask;
import org.hoptrace.workflow.UserTaskQuery;
import org.hoptrace.workflow.WorkflowEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The dashboard with an engine present; without one, see {@link ConsoleLoginTest}. */
@WebMvcTest(DashboardController.class)
@WithMockUser("reviewer")
class DashboardPageTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    WorkflowEngine engine;

    @Test
    void dashboardListsOpenTasksWithTasklistLinksAndOpenIncidents() throws Exception {
        given(engine.openUserTasks(UserTaskQuery.all())).willReturn(List.of(new UserTask("t-1", "Review subpoena",
                "review-subpoena", "pi-1", "legal-request", null, List.of("legal-reviewer", "legal-supervisor"),
                "review-form", Instant.parse("2026-11-28T10:00:00Z"), Instant.parse("2026-12-01T17:00:00Z"),
                "http://localhost:8080/operaton/app/tasklist/default/#/?task=t-1")));
        given(engine.openIncidents()).willReturn(List.of(new Incident("i-1", "pi-2", "traceback",
                "notify-provider", "failedJob", "SMTP server unreachable", Instant.parse("2026-11-28T11:00:00Z"))));

        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Review subpoena"),
                        containsString("legal-request"),
                        containsString("legal-reviewer, legal-supervisor"),
                        containsString("2026-12-01T17:00:00Z"),
                        containsString("href=\"http://localhost:8080/operaton/app/tasklist/default/#/?task=t-1\""),
                        containsString("SMTP server unreachable"),
                        containsString("notify-provider"))));
    }

    @Test
    void dashboardSaysSoWhenTheEngineCannotBeReached() throws Exception {
        given(engine.openUserTasks(UserTaskQuery.all())).willThrow(new IllegalStateException("connection refused"));

        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("The workflow engine is not reachable right now."),
                        not(containsString("connection refused")))));
    }
}
