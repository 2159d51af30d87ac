package org.hoptrace.security;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The roles features check in code; the URL rules are in {@link SecurityConfiguration}. */
public final class Roles {

    /** Provider users (Operaton group {@code provider}) and provider API credentials. */
    public static final String PROVIDER = "PROVIDER";
    /** A data source's API key (docs/calls.md): may post calls, nothing else. */
    public static final String CALL_SOURCE = "CALL_SOURCE";
    static final String[] ADMINS = {"ADMIN", "OPERATON_ADMIN"};
    static final String[] OPERATORS = {"ADMIN", "OPERATON_ADMIN", "ITG_STAFF"};
    /** Who may read the agency registry; who may change it are the {@link #OPERATORS}. */
    static final String[] AGENCY_READERS = {"ADMIN", "OPERATON_ADMIN", "ITG_STAFF", "LEGAL_REVIEWER", "LEGAL_SUPERVISOR"};

    /** Who may see legal requests in the console and the staff API (docs/legal-requests.md). */
    static final String[] LEGAL_STAFF = {"ADMIN", "OPERATON_ADMIN", "ITG_STAFF", "LEGAL_REVIEWER", "LEGAL_SUPERVISOR"};

    private static final Set<String> STAFF_AUTHORITIES = Set.of("ROLE_ADMIN", "ROLE_OPERATON_ADMIN", "ROLE_ITG_STAFF");

    private Roles() {
    }

    /** ITG staff or an administrator: may see every hop. */
    public static boolean isStaff(Authentication authentication) {
        return authorities(authentication).stream().anyMatch(STAFF_AUTHORITIES::contains);
    }

    /** A provider user or provider API credentials, and nothing else: confined to the provider's own hops. */
    public static boolean isProviderOnly(Authentication authentication) {
        Set<String> authorities = authorities(authentication);
        return authorities.contains("ROLE_" + PROVIDER) && authorities.size() == 1;
    }

    /** A data source's API key: confined to posting its own calls. */
    public static boolean isCallSource(Authentication authentication) {
        return authorities(authentication).contains("ROLE_" + CALL_SOURCE);
    }

    private static Set<String> authorities(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Set.of();
        }
        return Set.copyOf(authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    }
}
