package org.hoptrace.workflow.embedded;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.hoptrace.workflow.Incident;
import org.hoptrace.workflow.UserTask;
import org.hoptrace.workflow.UserTaskQuery;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.IdentityLinkType;
import org.operaton.bpm.engine.task.Task;
import org.operaton.bpm.engine.task.TaskQuery;

/** Open user tasks and incidents of the embedded engine, for the console. */
final class EmbeddedTaskQueries {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final String tasklistBaseUrl;

    EmbeddedTaskQueries(TaskService tasks, RuntimeService runtime, RepositoryService repository, String tasklistBaseUrl) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.repository = repository;
        this.tasklistBaseUrl = tasklistBaseUrl;
    }

    List<UserTask> openUserTasks(UserTaskQuery query) {
        TaskQuery taskQuery = tasks.createTaskQuery().active().initializeFormKeys();
        if (query.processInstanceKey() != null) {
            taskQuery.processInstanceId(query.processInstanceKey());
        }
        if (query.candidateGroup() != null) {
            taskQuery.taskCandidateGroup(query.candidateGroup()).includeAssignedTasks();
        }
        if (query.assignee() != null) {
            taskQuery.taskAssignee(query.assignee());
        }
        return taskQuery.orderByTaskCreateTime().desc().listPage(0, query.maxResults()).stream()
                .map(this::toUserTask).toList();
    }

    private UserTask toUserTask(Task task) {
        List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).toList();
        String formId = task.getOperatonFormRef() != null ? task.getOperatonFormRef().getKey() : null;
        return new UserTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessInstanceId(),
                processId(task.getProcessDefinitionId()), task.getAssignee(), groups, formId,
                instant(task.getCreateTime()), instant(task.getDueDate()),
                tasklistBaseUrl + "/operaton/app/tasklist/default/#/?task=" + task.getId());
    }

    List<Incident> openIncidents() {
        return runtime.createIncidentQuery().orderByIncidentTimestamp().desc().listPage(0, 200).stream()
                .map(incident -> new Incident(incident.getId(), incident.getProcessInstanceId(),
                        processId(incident.getProcessDefinitionId()), incident.getActivityId(),
                        incident.getIncidentType(), incident.getIncidentMessage(), instant(incident.getIncidentTimestamp())))
                .toList();
    }

    private String processId(String processDefinitionId) {
        return processDefinitionId == null ? null
                : Objects.requireNonNullElse(repository.getProcessDefinition(processDefinitionId).getKey(), processDefinitionId);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
