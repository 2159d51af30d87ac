package org.hoptrace.legal;

import java.time.Instant;
import java.util.UUID;

/** An agency portal user as the staff API shows it. */
record AgencyUserView(UUID id, UUID agencyId, String email, String fullName, String status, String invitedBy,
                      Instant invitedAt, Instant invitationExpiresAt, Instant activatedAt, Instant lastLoginAt,
                      Instant lockedUntil) {

    static AgencyUserView of(AgencyUser u) {
        return new AgencyUserView(u.id(), u.agencyId(), u.email(), u.fullName(), u.status().code(), u.invitedBy(),
                u.invitedAt(), u.invitationExpiresAt(), u.activatedAt(), u.lastLoginAt(), u.lockedUntil());
    }
}
