package org.hoptrace.workflow;

/**
 * Told when a user completes a user task, before the completion takes effect and in the same
 * transaction: throwing {@link TaskCompletionRefusedException} refuses the completion (the task stays
 * open, nothing of the completion is kept); anything written to the database is kept only if the
 * completion commits. Implement it as a Spring bean; the embedded engine calls every such bean for every
 * user task. Camunda 8 does not call it (see docs/legal-requests.md: the completing user is not visible
 * to Hoptrace there).
 */
public interface UserTaskCompletionListener {

    void completing(CompletingUserTask task);
}
