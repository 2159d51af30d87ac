package org.hoptrace.legal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A legal request as the agency API shows it to the agency. */
record AgencyRequestView(UUID id, String reference, String type, String issuingAuthority, String caseNumber,
                         LocalDate returnDate, String description, LegalRequest.Scope scope, String status, String step,
                         String outcome, String outcomeReason, Instant submittedAt, Instant updatedAt,
                         Instant releasedAt, Instant closedAt, List<MessageView> messages, List<DocumentView> documents,
                         String openQuestion, String auditHref) {

    record MessageView(String kind, String authorKind, String author, String body, Instant createdAt) {
    }

    record DocumentView(UUID id, String filename, String role, String mediaType, long sizeBytes, String sha256,
                        Instant addedAt, String href) {
    }

    /** A row of the list: without messages and documents. */
    static AgencyRequestView summary(LegalRequest r) {
        return of(r, null, null, null);
    }

    static AgencyRequestView of(LegalRequest r, List<LegalRequestRepository.Message> messages,
                                List<LegalRequestRepository.AttachedDocument> documents, String openQuestion) {
        String base = "/api/v1/agency/legal-requests/" + r.id();
        return new AgencyRequestView(r.id(), r.reference(), r.type().code(), r.issuingAuthority(), r.caseNumber(),
                r.returnDate(), r.description(), r.scope(), r.status().code(), r.step(), r.outcome(), r.outcomeReason(),
                r.submittedAt(), r.updatedAt(), r.releasedAt(), r.closedAt(),
                messages == null ? null : messages.stream().map(m -> new MessageView(m.kind(), m.authorKind(), m.author(),
                        m.body(), m.createdAt())).toList(),
                documents == null ? null : documents.stream().map(d -> new DocumentView(d.document().id(),
                        d.document().filename(), d.role(), d.document().mediaType(), d.document().sizeBytes(),
                        d.document().sha256(), d.addedAt(), base + "/documents/" + d.document().id())).toList(),
                openQuestion, base + "/audit");
    }
}
