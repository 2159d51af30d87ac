package org.hoptrace.legal;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A person of an agency who uses the agency portal: invited by staff, active once the invitation is
 * accepted (password and TOTP authenticator set), disabled by staff. Secrets are not part of it.
 */
public record AgencyUser(UUID id, UUID agencyId, String email, String fullName, Status status, String invitedBy,
                         Instant invitedAt, Instant invitationExpiresAt, Instant activatedAt, Instant lastLoginAt,
                         int failedLogins, Instant lockedUntil) {

    public enum Status {
        INVITED, ACTIVE, DISABLED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status ofCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }
}
