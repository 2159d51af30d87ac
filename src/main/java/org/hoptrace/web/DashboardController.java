package org.hoptrace.web;

import java.util.List;

import org.hoptrace.traceback.Traceback;
import org.hoptrace.traceback.TracebackFilter;
import org.hoptrace.traceback.TracebackQueries;
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
    private final ObjectProvider<TracebackQueries> tracebacks;

    DashboardController(ObjectProvider<WorkflowEngine> engine, ObjectProvider<TracebackQueries> tracebacks) {
        this.engine = engine;
        this.tracebacks = tracebacks;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        tracebacks.ifAvailable(queries -> {
            model.addAttribute("openTracebacks", queries.count(
                    new TracebackFilter(Traceback.Status.OPEN, null, null, null, null, false, null)));
            model.addAttribute("overdueTracebacks", queries.count(
                    new TracebackFilter(Traceback.Status.OPEN, null, null, null, null, true, null)));
        });
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
