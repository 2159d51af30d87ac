package org.hoptrace.legal;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hoptrace.legal.AuditEntry.ActorKind;
import org.hoptrace.workflow.UserTaskQuery;
import org.hoptrace.workflow.WorkflowEngine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The staff's view of legal requests (console and API); every look at a request is audited. */
@Service
class LegalConsoleQueries {

    static final Set<String> STATUSES = Set.of("open", "closed");
    static final Set<String> TRIAGES = Set.of("expedited", "standard", "deficient");

    private final ReviewCases cases;
    private final LegalAuditTrail audit;
    private final WorkflowEngine engine;

    LegalConsoleQueries(ReviewCases cases, LegalAuditTrail audit, WorkflowEngine engine) {
        this.cases = cases;
        this.audit = audit;
        this.engine = engine;
    }

    /** @throws IllegalArgumentException naming the filter that is not one of the known values */
    List<ReviewCase> list(String status, String triage, String q, int limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw new IllegalArgumentException("status is open or closed, not '" + status + "'");
        }
        if (triage != null && !TRIAGES.contains(triage)) {
            throw new IllegalArgumentException("triage is expedited, standard or deficient, not '" + triage + "'");
        }
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit is between 1 and 500, not " + limit);
        }
        return cases.list(new ReviewCases.Filter(status, triage, q, limit));
    }

    boolean escalated(ReviewCase c) {
        return c.isOpen() && "review".equals(c.step()) && cases.escalated(c.id());
    }

    /** The request's page; recorded in its audit trail as viewed by {@code viewer}. */
    @Transactional
    LegalConsoleDetail view(UUID id, String viewer) {
        ReviewCase c = cases.get(id);
        audit.record(id, viewer, ActorKind.STAFF, "viewed", "staff console");
        List<AuditEntry> entries = audit.entries(id);
        return new LegalConsoleDetail(c, escalated(c), cases.documents(id), cases.messages(id),
                entries.stream().filter(LegalConsoleDetail::isDecision).toList(), entries,
                LegalAuditTrail.verify(entries), c.processInstanceKey() == null || !c.isOpen() ? List.of()
                : engine.openUserTasks(UserTaskQuery.forProcessInstance(c.processInstanceKey())));
    }

    /** A document of the request, its download audited; null when the document is not the request's. */
    @Transactional
    ReviewCases.DocumentRow download(UUID id, UUID documentId, String viewer) {
        ReviewCases.DocumentRow document = cases.documents(id).stream().filter(d -> d.documentId().equals(documentId))
                .findFirst().orElse(null);
        if (document != null) {
            audit.record(id, viewer, ActorKind.STAFF, "downloaded", document.filename());
        }
        return document;
    }
}
