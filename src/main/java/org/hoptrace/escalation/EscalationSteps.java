package org.hoptrace.escalation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hoptrace.agency.Agency;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps the escalation process's workers run, each in one transaction and each safe to run
 * again: a job retried after a crash finds its step, its events and its notices there already.
 */
@Service
class EscalationSteps {

    /** Who a step's notice goes to (the {@code recipients} header of the notice jobs). */
    enum Recipient { PROVIDER, AGENCIES, STAFF }

    private final EscalationRepository escalations;
    private final EscalationNotices notices;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    EscalationSteps(EscalationRepository escalations, EscalationNotices notices, JdbcTemplate jdbc, Clock clock) {
        this.escalations = escalations;
        this.notices = notices;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Moves the escalation to {@code step}, due {@code period} from now (null: no period), and sends
     * the step's notices. Run again for the same step, it keeps the due time fixed the first time.
     */
    @Transactional
    Instant enter(UUID escalationId, String step, Set<Recipient> recipients, Duration period,
                  List<String> agencyTypes, List<String> calledStates) {
        Ladder.title(step);
        Escalation escalation = escalations.get(escalationId);
        String kind = "step:" + step;
        if (escalations.hasEvent(escalationId, kind)) {
            return escalation.stepDueAt();
        }
        if (!escalation.isRunning()) {
            throw new EscalationStateException("escalation " + escalation.reference() + " is closed");
        }
        Instant now = clock.instant();
        Instant due = period == null ? null : now.plus(period);
        escalations.setStep(escalationId, step, due);
        Letters.Case c = notices.caseOf(escalations.get(escalationId));
        StringBuilder told = new StringBuilder();
        if (recipients.contains(Recipient.PROVIDER)) {
            told.append(notices.toProvider(c, step, now, due) ? "provider" : "provider has no contact email");
        }
        if (recipients.contains(Recipient.AGENCIES)) {
            List<Agency> agencies = notices.toAgencies(c, step, agencyTypes.stream().map(Agency.Type::ofCode).toList(),
                    calledStates, now, due);
            told.append(told.isEmpty() ? "" : "; ").append("agencies: ").append(agencies.isEmpty() ? "none"
                    : agencies.stream().map(Agency::name).collect(Collectors.joining(", ")));
        }
        if (recipients.contains(Recipient.STAFF)) {
            notices.toStaff(c);
            told.append(told.isEmpty() ? "" : "; ").append("ITG staff");
        }
        escalations.addEvent(escalationId, kind, "%s, %s. Notices: %s".formatted(Ladder.title(step),
                due == null ? "no period" : "period ends " + Letters.when(due), told), "hoptrace");
        return due;
    }

    /** Records the staff review's decision and reason. */
    @Transactional
    void recordReview(UUID escalationId, String decision, String reason) {
        if (!escalations.hasEvent(escalationId, "review:" + decision)) {
            escalations.addEvent(escalationId, "review:" + decision, reason, "itg-staff");
        }
    }

    /**
     * Records the flags that joined the running escalation, each once. All of them, not only the one
     * whose message woke the job: two flags arriving together share the process's {@code flagId}.
     */
    @Transactional
    void recordJoinedFlags(UUID escalationId) {
        Escalation escalation = escalations.get(escalationId);
        for (ProviderFlag flag : escalations.flags(escalationId)) {
            if (!escalations.hasFlagEvent(escalationId, "opened", flag.id())) {
                escalations.addFlagEvent(escalationId, "flag-joined",
                        "flag %d (%s) joined at step %s".formatted(flag.id(), flag.reason(), escalation.step()), flag.id());
            }
        }
    }

    /**
     * Sets the provider's cooperation status; {@code non-cooperative} also lists it (the first listing
     * time is kept).
     */
    @Transactional
    void setProviderStatus(UUID escalationId, String status) {
        if (!Set.of("watch", "non-cooperative").contains(status)) {
            throw new IllegalArgumentException("no cooperation status '" + status + "' for an escalation to set");
        }
        Escalation escalation = escalations.get(escalationId);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                update provider set cooperation_status = ?, updated_at = ?,
                       cooperation_status_since = case when cooperation_status <> ? or cooperation_status_since is null
                                                       then ? else cooperation_status_since end,
                       listed_non_cooperative_at = case when ? = 'non-cooperative'
                                                        then coalesce(listed_non_cooperative_at, ?) end
                where provider_id = ?""", status, now, status, now, status, now, escalation.providerId());
        if (!escalations.hasEvent(escalationId, "status:" + status)) {
            escalations.addEvent(escalationId, "status:" + status, "provider's cooperation status is now " + status,
                    "hoptrace");
        }
    }

    /** Ends the escalation with an outcome; nothing happens if it was closed already (e.g. by staff). */
    @Transactional
    void close(UUID escalationId, Escalation.Outcome outcome, String reason) {
        if (escalations.close(escalationId, outcome, reason)) {
            escalations.addEvent(escalationId, "closed", outcome.code() + (reason == null ? "" : ": " + reason), "hoptrace");
        }
    }
}
