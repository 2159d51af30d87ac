package org.hoptrace.legal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hoptrace.document.DocumentStore;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an agency user may see and do with a legal request: only requests of their own agency (any other
 * request is "not found", exactly like one that does not exist). Every view, download, withdrawal and
 * audit export is recorded in the request's audit trail.
 */
@Component
class AgencyRequestAccess {

    private final LegalRequestRepository requests;
    private final LegalAuditTrail audit;
    private final LegalRequestProcess process;
    private final LegalNotices notices;
    private final DocumentStore documents;
    private final JdbcTemplate jdbc;
    private final AuditExport exports;
    private final TransactionTemplate transactions;
    private static final int WITHDRAW_ATTEMPTS = 5;

    AgencyRequestAccess(LegalRequestRepository requests, LegalAuditTrail audit, LegalRequestProcess process,
                        LegalNotices notices, DocumentStore documents, JdbcTemplate jdbc, AuditExport exports,
                        TransactionTemplate transactions) {
        this.exports = exports;
        this.transactions = transactions;
        this.requests = requests;
        this.audit = audit;
        this.process = process;
        this.notices = notices;
        this.documents = documents;
        this.jdbc = jdbc;
    }

    /** A document the agency may download, with its content. */
    record Download(LegalRequestRepository.AttachedDocument document, byte[] content) {
    }

    /** The agency's request, or {@link LegalRequestNotFoundException}. */
    LegalRequest own(AgencyPrincipal agent, UUID requestId) {
        return requests.findOfAgency(requestId, agent.agencyId())
                .orElseThrow(() -> new LegalRequestNotFoundException("no legal request " + requestId));
    }

    /** As {@link #own}, with the request's row locked until the transaction ends. */
    LegalRequest lockOwn(AgencyPrincipal agent, UUID requestId) {
        jdbc.queryForList("select 1 from legal_request where legal_request_id = ? and agency_id = ? for update",
                requestId, agent.agencyId());
        return own(agent, requestId);
    }

    /** The request as the agency sees it; the view is recorded. */
    @Transactional
    LegalRequest view(AgencyPrincipal agent, UUID requestId) {
        LegalRequest request = own(agent, requestId);
        audit.record(requestId, agent.email(), AuditEntry.ActorKind.AGENCY, "viewed", "");
        return request;
    }

    /** The documents the agency may see: what it sent, and the response once it is released. */
    List<LegalRequestRepository.AttachedDocument> documents(LegalRequest request) {
        return requests.documents(request.id()).stream()
                .filter(document -> !"response".equals(document.role()) || request.isReleased()).toList();
    }

    /** The clarification question still waiting for the agency's answer, if any. */
    Optional<LegalRequestRepository.Message> openQuestion(UUID requestId) {
        Optional<LegalRequestRepository.Message> question = Optional.empty();
        for (LegalRequestRepository.Message message : requests.messages(requestId)) {
            if ("clarification-question".equals(message.kind())) {
                question = Optional.of(message);
            } else if ("clarification-answer".equals(message.kind())) {
                question = Optional.empty();
            }
        }
        return question;
    }

    @Transactional
    Download download(AgencyPrincipal agent, UUID requestId, UUID documentId) {
        LegalRequest request = own(agent, requestId);
        LegalRequestRepository.AttachedDocument document = documents(request).stream()
                .filter(d -> d.document().id().equals(documentId)).findFirst()
                .orElseThrow(() -> new LegalRequestNotFoundException("no document " + documentId + " of " + request.reference()));
        audit.record(requestId, agent.email(), AuditEntry.ActorKind.AGENCY, "downloaded " + shortName(document),
                document.document().filename() + " (" + document.role() + ", sha256 " + document.document().sha256() + ")");
        return new Download(document, documents.content(documentId));
    }

    /**
     * Withdraws an open request: its process ends wherever it is and it is closed as withdrawn. A job of
     * the request finishing at the same moment makes the engine refuse the cancel; the withdrawal is then
     * tried again in a new transaction, a few times.
     *
     * @throws LegalRequestStateException the request is closed already
     */
    LegalRequest withdraw(AgencyPrincipal agent, UUID requestId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 2000) {
            throw new InvalidAgencyInputException(Map.of("reason", "say why, at most 2000 characters"));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> withdrawNow(agent, requestId, why));
            } catch (ConcurrencyFailureException collision) {
                if (attempt == WITHDRAW_ATTEMPTS) {
                    throw collision;
                }
            }
        }
    }

    private LegalRequest withdrawNow(AgencyPrincipal agent, UUID requestId, String why) {
        LegalRequest request = lockOwn(agent, requestId);
        if (!request.isOpen()) {
            throw new LegalRequestStateException(request.reference() + " is closed (" + request.outcome() + ")");
        }
        process.withdraw(requestId, agent.email(), why);
        audit.record(requestId, agent.email(), AuditEntry.ActorKind.AGENCY, "withdrawn", why);
        notices.changed(requestId, "withdrawn", request.reference() + " was withdrawn by " + agent.email()
                + ". Reason: " + why);
        return requests.find(requestId).orElseThrow();
    }

    /** The audit trail as JSON for the agency's chain of custody; the export itself is recorded first. */
    @Transactional
    AuditExport.Export exportAudit(AgencyPrincipal agent, UUID requestId) {
        own(agent, requestId);
        return exports.json(requestId, agent.email(), AuditEntry.ActorKind.AGENCY);
    }

    /** The same as CSV (the format docs/legal-intake.md describes and --verify-audit checks). */
    @Transactional
    byte[] exportAuditCsv(AgencyPrincipal agent, UUID requestId) {
        own(agent, requestId);
        return exports.csv(requestId, agent.email(), AuditEntry.ActorKind.AGENCY);
    }

    /** The audit action is at most 40 characters: "downloaded " and the file name, shortened if need be. */
    private static String shortName(LegalRequestRepository.AttachedDocument document) {
        String name = document.document().filename();
        return name.length() <= 29 ? name : name.substring(0, 26) + "...";
    }
}
