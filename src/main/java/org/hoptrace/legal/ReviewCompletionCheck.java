package org.hoptrace.legal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hoptrace.workflow.CompletingUserTask;
import org.hoptrace.workflow.TaskCompletionRefusedException;
import org.hoptrace.workflow.UserTaskCompletionListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks the two human steps of a legal request when they are completed, on the server, whatever the
 * client (Tasklist, REST, Java): the review must carry a valid decision (a narrowed scope within the
 * requested one, a question for a clarification) and records who reviewed; the sign-off records who
 * signed and is refused when the signer is the reviewer, or unknown.
 */
@Component
class ReviewCompletionCheck implements UserTaskCompletionListener {

    static final String REVIEW_TASK = "Task_Review";
    static final String SIGN_OFF_TASK = "Task_SignOff";
    private static final Set<String> DECISIONS = Set.of("approve", "narrow", "clarify", "reject");

    private final ReviewCases cases;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReviewCompletionCheck(ReviewCases cases, JdbcTemplate jdbc, Clock clock) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void completing(CompletingUserTask task) {
        if (!LegalRequestProcess.PROCESS_ID.equals(task.processId())) {
            return;
        }
        Map<String, Object> vars = task.variables();
        UUID id = UUID.fromString(text(vars, "legalRequestId"));
        if (task.user() == null) {
            throw new TaskCompletionRefusedException("who completes the task is not known: claim it or log in first");
        }
        switch (task.elementId()) {
            case REVIEW_TASK -> review(id, task.user(), vars);
            case SIGN_OFF_TASK -> signOff(id, task.user(), vars);
            default -> {
            }
        }
    }

    private void review(UUID id, String user, Map<String, Object> vars) {
        String decision = text(vars, "decision");
        if (!DECISIONS.contains(decision)) {
            throw new TaskCompletionRefusedException("choose a decision: approve, narrow, clarify or reject");
        }
        if (text(vars, "reviewReason").isBlank()) {
            throw new TaskCompletionRefusedException("give a reason for the decision");
        }
        if ("clarify".equals(decision) && text(vars, "clarificationQuestion").isBlank()) {
            throw new TaskCompletionRefusedException("write the question to the agency");
        }
        if ("narrow".equals(decision)) {
            String problem;
            try {
                problem = narrowed(vars).notWithin(cases.get(id).requestedScope());
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
            if (problem != null) {
                throw new TaskCompletionRefusedException(problem);
            }
        }
        jdbc.update("update legal_request set reviewed_by = ?, updated_at = ? where legal_request_id = ?", user,
                Timestamp.from(clock.instant()), id);
    }

    private void signOff(UUID id, String user, Map<String, Object> vars) {
        ReviewCase c = cases.get(id);
        if (user.equalsIgnoreCase(c.reviewedBy())) {
            throw new TaskCompletionRefusedException("%s reviewed legal request %s and cannot sign off its response: another legal supervisor must"
                    .formatted(user, c.reference()));
        }
        String signOff = text(vars, "signOff");
        if (!Set.of("release", "return").contains(signOff)) {
            throw new TaskCompletionRefusedException("choose whether to release the response or send the request back to review");
        }
        if (text(vars, "signOffNote").isBlank()) {
            throw new TaskCompletionRefusedException("give a note for the sign-off");
        }
        jdbc.update("update legal_request set signed_off_by = ?, updated_at = ? where legal_request_id = ?", user,
                Timestamp.from(clock.instant()), id);
    }

    static ReviewScope narrowed(Map<String, Object> vars) {
        return ReviewScope.fromForm(text(vars, "narrowedNumbers"), text(vars, "narrowedProviders"),
                text(vars, "narrowedCampaigns"), text(vars, "narrowedTracebacks"), text(vars, "narrowedFrom"),
                text(vars, "narrowedTo"));
    }

    private static String text(Map<String, Object> vars, String name) {
        Object value = vars.get(name);
        return value == null ? "" : value.toString().strip();
    }
}
