package org.hoptrace.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of Hoptrace's webhooks (docs/webhooks.md): header {@code Hoptrace-Signature:
 * v1=<hex>}, where hex is the lowercase hexadecimal HMAC-SHA256, keyed with the provider's webhook
 * secret, of the {@code Hoptrace-Timestamp} value, a dot and the request body, all UTF-8.
 */
public final class WebhookSignature {

    /** The version prefix of the current scheme. */
    public static final String V1 = "v1=";

    private WebhookSignature() {
    }

    /** The {@code Hoptrace-Signature} header value for a body sent at {@code timestamp} (epoch seconds). */
    public static String sign(String secret, long timestamp, String body) {
        return V1 + HexFormat.of().formatHex(hmac(secret, timestamp + "." + body));
    }

    /**
     * Whether {@code signature} (the {@code Hoptrace-Signature} header) signs {@code body} with
     * {@code timestamp} (the {@code Hoptrace-Timestamp} header) under {@code secret}; compares in
     * constant time. Checking that the timestamp is recent is the caller's part.
     */
    public static boolean verify(String secret, String timestamp, String body, String signature) {
        if (secret == null || secret.isEmpty() || timestamp == null || body == null || signature == null || !signature.startsWith(V1)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.substring(V1.length()));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, timestamp + "." + body), given);
    }

    private static byte[] hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
