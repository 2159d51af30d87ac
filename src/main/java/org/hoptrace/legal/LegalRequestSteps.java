package org.hoptrace.legal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hoptrace.legal.AuditEntry.ActorKind;
import org.hoptrace.notify.Outbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps the legal request process's workers take, each in one transaction with its audit entry and
 * its notice: the request's row (step, triage, review due time, approved scope, release, outcome), the
 * clarification questions, the emails to the legal supervisors.
 */
@Service
class LegalRequestSteps {

    /** A return date at most this far away makes a request an emergency for triage. */
    static final Duration URGENT_RETURN = Duration.ofDays(3);
    static final String SYSTEM = "hoptrace";

    record Assessment(String requestType, String authorityType, boolean complete, boolean emergency, List<String> missing) {
    }

    private final ReviewCases cases;
    private final LegalAuditTrail audit;
    private final LegalNotices notices;
    private final Outbox outbox;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final List<String> supervisorEmails;

    LegalRequestSteps(ReviewCases cases, LegalAuditTrail audit, LegalNotices notices, Outbox outbox, JdbcTemplate jdbc,
                      Clock clock,
                      @Value("${hoptrace.legal.supervisor-emails:legal-supervisors@hoptrace.example}") List<String> supervisorEmails) {
        this.cases = cases;
        this.audit = audit;
        this.notices = notices;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
        this.supervisorEmails = List.copyOf(supervisorEmails);
    }

    /** What triage needs to know: type, issuing authority's kind, completeness, emergency. */
    @Transactional
    Assessment assess(UUID id) {
        ReviewCase c = cases.get(id);
        List<String> missing = new ArrayList<>();
        if (c.issuingAuthority() == null || c.issuingAuthority().isBlank()) {
            missing.add("issuing authority");
        }
        if (c.caseNumber() == null || c.caseNumber().isBlank()) {
            missing.add("case number");
        }
        if (c.returnDate() == null) {
            missing.add("return date");
        }
        if (c.requestedScope().isEmpty()) {
            missing.add("scope (numbers, providers, campaigns or tracebacks)");
        }
        if (cases.documents(id).stream().noneMatch(d -> !"response".equals(d.role()))) {
            missing.add("document");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        boolean emergency = "emergency-disclosure".equals(c.requestType()) || c.returnDate() != null
                && !c.returnDate().isAfter(today.plusDays(URGENT_RETURN.toDays()));
        setStep(id, "triage");
        return new Assessment(c.requestType(), c.agencyType(), missing.isEmpty(), emergency, missing);
    }

    /** Stores the triage; the review is due {@code sla} from now. */
    @Transactional
    Instant recordTriage(UUID id, String triage, String sla, String rule) {
        Instant due = clock.instant().plus(Duration.parse(sla));
        jdbc.update("update legal_request set triage = ?, review_due_at = ?, step = 'review', updated_at = ? where legal_request_id = ?",
                triage, Timestamp.from(due), now(), id);
        audit.record(id, SYSTEM, ActorKind.SYSTEM, "triaged", "%s (rule %s): review due within %s".formatted(triage, rule, sla));
        return due;
    }

    /** A new review due time after a sign-off sent the request back. */
    @Transactional
    Instant reopenReview(UUID id, String sla) {
        Instant due = clock.instant().plus(Duration.parse(sla));
        jdbc.update("update legal_request set review_due_at = ?, step = 'review', updated_at = ? where legal_request_id = ?",
                Timestamp.from(due), now(), id);
        return due;
    }

    @Transactional
    void escalateReview(UUID id, String consoleUrl) {
        ReviewCase c = cases.get(id);
        audit.record(id, SYSTEM, ActorKind.SYSTEM, "review-escalated",
                "review not done by " + c.reviewDueAt() + ": escalated to the legal supervisors");
        outbox.email("legal-request:" + id + ":review-escalated:" + c.reviewDueAt(), supervisorEmails,
                "Overdue review: legal request " + c.reference(),
                """
                The review of legal request %s (%s, %s, triage %s) was due %s and is not done.
                Take it over in Tasklist or see that a reviewer does: %s
                """.formatted(c.reference(), c.agencyName(), c.requestType(), c.triage(), c.reviewDueAt(), consoleUrl));
    }

    /** The review's decision: approve (as requested), narrow (the given scope), clarify or reject. */
    @Transactional
    void recordReview(UUID id, String decision, String reason, ReviewScope narrowed) {
        ReviewCase c = cases.get(id);
        String reviewer = c.reviewedBy() == null ? "legal-reviewer" : c.reviewedBy();
        ReviewScope approved = switch (decision) {
            case "approve" -> c.requestedScope();
            case "narrow" -> narrowed;
            case "clarify", "reject" -> null;
            default -> throw new IllegalArgumentException("no review decision '" + decision + "'");
        };
        if (approved != null) {
            jdbc.update("update legal_request set approved_scope = ?::jsonb, step = 'package', updated_at = ? where legal_request_id = ?",
                    cases.json(approved), now(), id);
        }
        String detail = reason + (approved == null ? "" : "\nApproved scope:\n" + approved.summary());
        audit.record(id, reviewer, ActorKind.STAFF, "review:" + decision, detail);
    }

    @Transactional
    void askClarification(UUID id, String question) {
        ReviewCase c = cases.get(id);
        String reviewer = c.reviewedBy() == null ? "legal-reviewer" : c.reviewedBy();
        int asked = jdbc.queryForObject("select count(*) from legal_request_message where legal_request_id = ? and kind = 'clarification-question'",
                Integer.class, id);
        jdbc.update("""
                insert into legal_request_message (legal_request_id, kind, author_kind, author, body, created_at)
                values (?, 'clarification-question', 'staff', ?, ?, ?)""", id, reviewer, question, now());
        setStep(id, "clarification");
        audit.record(id, reviewer, ActorKind.STAFF, "clarification-requested", question);
        notices.changed(id, "clarification-requested-" + (asked + 1), """
                Hoptrace's legal reviewers have a question about your request %s:

                %s

                Please answer it in the agency portal.""".formatted(c.reference(), question));
    }

    /** The sign-off's outcome: release, or back to review. */
    @Transactional
    void recordSignOff(UUID id, String signOff, String note) {
        ReviewCase c = cases.get(id);
        String signer = c.signedOffBy() == null ? "legal-supervisor" : c.signedOffBy();
        switch (signOff) {
            case "release" -> audit.record(id, signer, ActorKind.STAFF, "signed-off", note);
            case "return" -> {
                jdbc.update("update legal_request set signed_off_by = null, step = 'review', updated_at = ? where legal_request_id = ?",
                        now(), id);
                audit.record(id, signer, ActorKind.STAFF, "sign-off-returned", note);
            }
            default -> throw new IllegalArgumentException("no sign-off '" + signOff + "'");
        }
    }

    @Transactional
    void release(UUID id) {
        ReviewCase c = cases.get(id);
        if (c.reviewedBy() != null && c.reviewedBy().equalsIgnoreCase(c.signedOffBy())) {
            throw new IllegalStateException("legal request " + c.reference() + " was signed off by its reviewer " + c.reviewedBy());
        }
        if (c.releasedAt() != null) {
            return;
        }
        List<String> files = cases.documents(id).stream().filter(d -> "response".equals(d.role()))
                .map(d -> d.filename() + " (sha256 " + d.sha256() + ")").toList();
        if (files.isEmpty()) {
            throw new IllegalStateException("legal request " + c.reference() + " has no response documents to release");
        }
        jdbc.update("update legal_request set released_at = ?, step = 'released', updated_at = ? where legal_request_id = ?",
                now(), now(), id);
        audit.record(id, SYSTEM, ActorKind.SYSTEM, "released", String.join("\n", files));
        notices.changed(id, "released", """
                The response to your request %s (case %s) has been released. Download it in the agency portal.""".formatted(
                c.reference(), c.caseNumber() == null ? "without number" : c.caseNumber()));
    }

    /** Ends the request with an outcome; a request closed already (e.g. withdrawn) stays as it is. */
    @Transactional
    void close(UUID id, String outcome, String reason) {
        int closed = jdbc.update("""
                update legal_request set status = 'closed', outcome = ?, outcome_reason = ?, step = 'closed', closed_at = ?,
                       updated_at = ? where legal_request_id = ? and status = 'open'""", outcome, reason, now(), now(), id);
        if (closed == 0) {
            return;
        }
        ReviewCase c = cases.get(id);
        audit.record(id, SYSTEM, ActorKind.SYSTEM, "closed", outcome + ": " + reason);
        switch (outcome) {
            case "rejected" -> notices.changed(id, "rejected", """
                    Your request %s has been rejected. The reviewer's reason:

                    %s""".formatted(c.reference(), reason));
            case "abandoned" -> notices.changed(id, "abandoned", """
                    Your request %s has been closed: %s.""".formatted(c.reference(), reason));
            default -> {
            }
        }
    }

    void setStep(UUID id, String step) {
        jdbc.update("update legal_request set step = ?, updated_at = ? where legal_request_id = ?", step, now(), id);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
