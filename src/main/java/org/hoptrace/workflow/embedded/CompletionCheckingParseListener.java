package org.hoptrace.workflow.embedded;

import java.util.List;
import java.util.function.Supplier;

import org.hoptrace.workflow.CompletingUserTask;
import org.hoptrace.workflow.UserTaskCompletionListener;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.operaton.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.operaton.bpm.engine.impl.context.Context;
import org.operaton.bpm.engine.impl.persistence.entity.TaskEntity;
import org.operaton.bpm.engine.impl.pvm.process.ActivityImpl;
import org.operaton.bpm.engine.impl.pvm.process.ScopeImpl;
import org.operaton.bpm.engine.impl.util.xml.Element;

/**
 * Gives every user task a built-in "complete" task listener that calls Hoptrace's
 * {@link UserTaskCompletionListener}s: whether the task is completed through Tasklist (REST
 * submit-form), the REST API or the Java API, they see it in the completing transaction and can refuse it.
 * The completing user is the authenticated user of the engine call, or else the task's assignee.
 */
class CompletionCheckingParseListener implements BpmnParseListener {

    private final TaskListener onComplete;

    CompletionCheckingParseListener(Supplier<List<UserTaskCompletionListener>> listeners) {
        this.onComplete = task -> {
            List<UserTaskCompletionListener> all = listeners.get();
            if (!all.isEmpty()) {
                CompletingUserTask completing = completing(task);
                all.forEach(listener -> listener.completing(completing));
            }
        };
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
            behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, onComplete);
        }
    }

    private static CompletingUserTask completing(DelegateTask task) {
        String user = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
        if (user == null) {
            user = task.getAssignee();
        }
        String processId = task instanceof TaskEntity entity && entity.getProcessDefinition() != null
                ? entity.getProcessDefinition().getKey() : null;
        return new CompletingUserTask(processId, task.getTaskDefinitionKey(), task.getId(), task.getProcessInstanceId(),
                user, task.getVariables());
    }
}
