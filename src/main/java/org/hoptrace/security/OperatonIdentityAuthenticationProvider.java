package org.hoptrace.security;

import java.util.List;
import java.util.Locale;

import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.identity.Group;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks user name and password against Operaton's identity store, so the console, the REST API and
 * Tasklist/Cockpit share one set of users. Each Operaton group becomes a role:
 * {@code legal-reviewer} -> {@code ROLE_LEGAL_REVIEWER}.
 */
@Component
@ConditionalOnProperty(name = "hoptrace.engine", havingValue = "embedded", matchIfMissing = true)
class OperatonIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identities;

    OperatonIdentityAuthenticationProvider(IdentityService identities) {
        this.identities = identities;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null
                || !identities.checkPassword(userId, credentials.toString())) {
            throw new BadCredentialsException("Wrong user name or password");
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, rolesOf(userId));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private List<GrantedAuthority> rolesOf(String userId) {
        return identities.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .map(OperatonIdentityAuthenticationProvider::role)
                .toList();
    }

    static GrantedAuthority role(String groupId) {
        return new SimpleGrantedAuthority("ROLE_" + groupId.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
