package org.hoptrace.legal;

import java.util.List;
import java.util.Set;

import org.hoptrace.workflow.UserTask;

/** Everything the console's request page and the staff API show of one legal request. */
record LegalConsoleDetail(ReviewCase request, boolean escalated, List<ReviewCases.DocumentRow> documents,
                          List<ReviewCases.MessageRow> messages, List<AuditEntry> decisions, List<AuditEntry> audit,
                          LegalAuditTrail.Verification verification, List<UserTask> openTasks) {

    static final Set<String> DECISION_ACTIONS = Set.of("triaged", "review-escalated", "signed-off", "sign-off-returned",
            "package-assembled", "released", "closed");

    static boolean isDecision(AuditEntry e) {
        return e.action().startsWith("review:") || DECISION_ACTIONS.contains(e.action());
    }
}
