package org.hoptrace.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hoptrace.workflow.ActivatedJob;
import org.hoptrace.workflow.JobWorker;
import org.springframework.stereotype.Component;

/**
 * Job {@code escalation-notice}: one step of the ladder. Headers {@code step} and {@code recipients}
 * (provider, agencies, staff); input {@code period} (ISO-8601, optional) is how long the step lasts.
 * Returns {@code stepDueAt} for the step's timer; the review step also returns what its form shows.
 */
@Component
class NoticeWorker {

    private final EscalationSteps steps;
    private final EscalationNotices notices;
    private final EscalationRepository escalations;

    NoticeWorker(EscalationSteps steps, EscalationNotices notices, EscalationRepository escalations) {
        this.steps = steps;
        this.notices = notices;
        this.escalations = escalations;
    }

    record Input(UUID escalationId, String period, List<String> agencyTypes, List<String> calledStates) {
    }

    @JobWorker(type = "escalation-notice")
    Map<String, Object> notify(Input input, ActivatedJob job) {
        String step = job.customHeaders().get("step");
        Set<EscalationSteps.Recipient> recipients = EnumSet.noneOf(EscalationSteps.Recipient.class);
        Arrays.stream(job.customHeaders().getOrDefault("recipients", "").split(",")).map(String::strip)
                .filter(r -> !r.isEmpty()).forEach(r -> recipients.add(EscalationSteps.Recipient.valueOf(r.toUpperCase(Locale.ROOT))));
        Instant due = steps.enter(input.escalationId(), step, recipients,
                input.period() == null || input.period().isBlank() ? null : Duration.parse(input.period()),
                input.agencyTypes() == null ? List.of() : input.agencyTypes(),
                input.calledStates() == null ? List.of() : input.calledStates());
        Map<String, Object> result = new HashMap<>();
        result.put("stepDueAt", due == null ? null : due.toString());
        if (Ladder.REVIEW.equals(step)) {
            Letters.Case c = notices.caseOf(escalations.get(input.escalationId()));
            result.put("providerName", c.provider().legalName());
            result.put("escalationReference", c.escalation().reference());
            result.put("flagSummary", Letters.flagLines(c.flags()));
            result.put("recordSummary", c.facts().summary());
            result.put("scorecardUrl", c.scorecardUrl());
        }
        return result;
    }
}
