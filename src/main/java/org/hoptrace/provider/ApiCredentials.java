package org.hoptrace.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A provider's API credentials as issued: the key id (public, {@code hp_} and 20 hex digits) and the
 * secret (32 random bytes, base64url). Only the SHA-256 of the secret is stored, so the secret is
 * shown once, when issued. {@link #hash} and {@link #matches} are how a caller's secret is checked.
 */
public record ApiCredentials(UUID providerId, String keyId, String secret) {

    static final String KEY_PREFIX = "hp_";
    private static final SecureRandom RANDOM = new SecureRandom();

    static ApiCredentials generate(UUID providerId) {
        return new ApiCredentials(providerId, KEY_PREFIX + HexFormat.of().formatHex(randomBytes(10)), randomSecret());
    }

    /** 32 random bytes, base64url without padding (43 characters): API secrets and webhook signing secrets. */
    static String randomSecret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    /** SHA-256 of the secret's UTF-8 bytes, lower-case hex: what {@code provider.api_key_hash} holds. */
    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code secret} hashes to {@code storedHash}, compared in constant time. */
    public static boolean matches(String secret, String storedHash) {
        return secret != null && storedHash != null && MessageDigest.isEqual(
                hash(secret).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "ApiCredentials[providerId=" + providerId + ", keyId=" + keyId + ", secret=***]";
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
