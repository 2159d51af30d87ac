package org.hoptrace.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hoptrace.provider.Provider;
import org.hoptrace.provider.ProviderRepository;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Provider API credentials over HTTP Basic: user name = API key id, password = secret. The secret's
 * SHA-256 (hex) is compared in constant time with {@code provider.api_key_hash}. A user name that is
 * no API key id is left to the next provider (Operaton's users); a known key id with a wrong secret
 * is refused. The result is a {@link ProviderPrincipal} with role {@code PROVIDER}.
 */
class ProviderApiKeyAuthenticationProvider implements AuthenticationProvider {

    private static final List<SimpleGrantedAuthority> ROLES = List.of(new SimpleGrantedAuthority("ROLE_" + Roles.PROVIDER));

    private final ProviderRepository providers;

    ProviderApiKeyAuthenticationProvider(ProviderRepository providers) {
        this.providers = providers;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String keyId = authentication.getName();
        Object secret = authentication.getCredentials();
        if (keyId == null || keyId.isBlank() || secret == null) {
            return null;
        }
        Optional<String> storedHash = providers.apiKeyHash(keyId);
        if (storedHash.isEmpty()) {
            return null;
        }
        byte[] presented = sha256Hex(secret.toString()).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = storedHash.get().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(presented, expected)) {
            throw new BadCredentialsException("Wrong API key id or secret");
        }
        Provider provider = providers.findByApiKeyId(keyId)
                .orElseThrow(() -> new BadCredentialsException("Wrong API key id or secret"));
        var principal = new ProviderPrincipal(provider.id(), provider.legalName());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, ROLES);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
