package org.hoptrace.legal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A legal request as the review process, the console and the staff API read it. */
record ReviewCase(UUID id, String reference, UUID agencyId, String agencyName, String agencyType, String submittedBy,
                  String requestType, String issuingAuthority, String caseNumber, LocalDate returnDate,
                  String description, ReviewScope requestedScope, ReviewScope approvedScope, String status, String step,
                  String outcome, String outcomeReason, String triage, Instant reviewDueAt, String reviewedBy,
                  String signedOffBy, String processInstanceKey, Instant submittedAt, Instant updatedAt,
                  Instant releasedAt, Instant closedAt) {

    public boolean isOpen() {
        return "open".equals(status);
    }

    /** The scope a response covers: the approved one, or the requested one before a review approved any. */
    public ReviewScope effectiveScope() {
        return approvedScope != null ? approvedScope : requestedScope;
    }
}
