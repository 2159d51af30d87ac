package org.hoptrace.security;

import java.util.List;
import java.util.Optional;

import org.hoptrace.calls.CallSourcePrincipal;
import org.hoptrace.calls.CallSourceRepository;
import org.hoptrace.calls.SourceKey;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Data source API keys over HTTP Basic: user name = the key's prefix ({@code hcs_} and 12 hex digits),
 * password = the whole key, checked against the bcrypt hash in {@code call_source.api_key_hash}. A user
 * name that is no key prefix is left to the next provider; a known prefix with a wrong key, or a source
 * that is not active, is refused. The result is a {@link CallSourcePrincipal} with role
 * {@code CALL_SOURCE} and nothing else, so it reaches {@code /api/v1/calls} only (docs/calls.md).
 */
class CallSourceKeyAuthenticationProvider implements AuthenticationProvider {

    private static final List<SimpleGrantedAuthority> ROLES = List.of(new SimpleGrantedAuthority("ROLE_" + Roles.CALL_SOURCE));

    private final CallSourceRepository sources;

    CallSourceKeyAuthenticationProvider(CallSourceRepository sources) {
        this.sources = sources;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String prefix = authentication.getName();
        Object key = authentication.getCredentials();
        if (!SourceKey.looksLikePrefix(prefix) || key == null) {
            return null;
        }
        Optional<CallSourceRepository.StoredKey> stored = sources.keyByPrefix(prefix);
        if (stored.isEmpty()) {
            return null;
        }
        if (!SourceKey.matches(key.toString(), stored.get().hash())) {
            throw new BadCredentialsException("Wrong source key");
        }
        if (!stored.get().active()) {
            throw new DisabledException("The source is not active");
        }
        var principal = new CallSourcePrincipal(stored.get().sourceId(), stored.get().name());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, ROLES);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
