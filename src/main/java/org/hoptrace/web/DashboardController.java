package org.hoptrace.web;

import java.util.List;

import org.hoptrace.workflow.Incident;
import org.hoptrace.workflow.UserTask;
import org.hoptrace.workflow.UserTaskQuery;
import org.hoptrace.workflow.WorkflowEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page: open user tasks and open incidents, read through the workflow port. Without an
 * engine (not configured, or not reachable) the page still renders and says so.
 */
@Controller
class DashboardController {

    private static final Logger log = LoggerFactory.getLogger(DashboardController.class);

    private final ObjectProvider<WorkflowEngine> engine;

    DashboardController(ObjectProvider<WorkflowEngine> engine) {
        this.engine = engine;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        WorkflowEngine workflow = engine.getIfAvailable();
        if (workflow == null) {
            model.addAttribute("engineProblem", "The workflow engine is not available.");
            return "dashboard";
        }
        try {
            List<UserTask> tasks = workflow.openUserTasks(UserTaskQuery.all());
            List<Incident> incidents = workflow.openIncidents();
            model.addAttribute("tasks", tasks);
            model.addAttribute("incidents", incidents);
        } catch (RuntimeException e) {
            log.warn("Dashboard could not query the workflow engine", e);
            model.addAttribute("engineProblem", "The workflow engine is not reachable right now.");
        }
        return "dashboard";
    }
}
