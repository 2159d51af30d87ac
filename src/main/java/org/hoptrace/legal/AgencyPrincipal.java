package org.hoptrace.legal;

import java.io.Serializable;
import java.security.Principal;
import java.util.UUID;

/** An agency portal user who logged in (password and TOTP code) or sent one of their API tokens. */
public record AgencyPrincipal(UUID userId, UUID agencyId, String email) implements Principal, Serializable {

    /** The only role agency users have; nothing outside /agency/** and /api/v1/agency/** accepts it. */
    public static final String ROLE = "ROLE_AGENCY";

    @Override
    public String getName() {
        return email;
    }
}
