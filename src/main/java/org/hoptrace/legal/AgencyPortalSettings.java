package org.hoptrace.legal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hoptrace.agency-portal.*}. See docs/agency-portal.md.
 *
 * @param invitationValidity how long the link of an invitation email can be used
 * @param maxFailedLogins    failed logins in a row after which the user is locked out
 * @param lockout            how long a locked-out user cannot log in
 * @param minPasswordLength  the shortest password accepted
 */
@ConfigurationProperties("hoptrace.agency-portal")
public record AgencyPortalSettings(@DefaultValue("P7D") Duration invitationValidity,
                                   @DefaultValue("5") int maxFailedLogins,
                                   @DefaultValue("PT15M") Duration lockout,
                                   @DefaultValue("12") int minPasswordLength) {

    public AgencyPortalSettings {
        if (invitationValidity.isNegative() || invitationValidity.isZero() || lockout.isNegative()
                || maxFailedLogins < 1 || minPasswordLength < 8) {
            throw new IllegalArgumentException("hoptrace.agency-portal: invitation-validity must be positive, "
                    + "max-failed-logins at least 1, lockout not negative, min-password-length at least 8");
        }
    }
}
