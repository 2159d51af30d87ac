package org.hoptrace.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


import org.hoptrace.workflow.UserTaskQuery;
import org.hoptrace.workflow.WorkflowEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The dashboard when the engine fails to answer (the real engine's tasks: {@link DashboardTest}). */
@WebMvcTest(DashboardController.class)
@WithMockUser("reviewer")
class DashboardWithoutEngineTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    WorkflowEngine engine;

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
