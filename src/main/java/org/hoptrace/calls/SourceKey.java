package org.hoptrace.calls;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A source's API key as issued: {@code hcs_} and 12 hex digits (the prefix, public, the HTTP Basic user
 * name), a dot, and 32 random bytes in base64url. Only the prefix and the bcrypt hash of the whole key
 * are stored, so the key is shown once, when issued.
 */
public record SourceKey(UUID sourceId, String prefix, String key) {

    static final String PREFIX_START = "hcs_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder();

    static SourceKey generate(UUID sourceId) {
        byte[] prefixBytes = new byte[6];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(prefixBytes);
        RANDOM.nextBytes(secret);
        String prefix = PREFIX_START + HexFormat.of().formatHex(prefixBytes);
        return new SourceKey(sourceId, prefix, prefix + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** Whether the text could be a key prefix at all (cheap check before a database look-up). */
    public static boolean looksLikePrefix(String text) {
        return text != null && text.length() == PREFIX_START.length() + 12 && text.startsWith(PREFIX_START);
    }

    String hash() {
        return BCRYPT.encode(key);
    }

    /** Whether {@code presented} is the key whose bcrypt hash is {@code storedHash}. */
    public static boolean matches(String presented, String storedHash) {
        return presented != null && storedHash != null && BCRYPT.matches(presented, storedHash);
    }

    @Override
    public String toString() {
        return "SourceKey[sourceId=" + sourceId + ", prefix=" + prefix + ", key=***]";
    }
}
