package org.hoptrace.traceback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The secure links in hop request emails: {@code /portal/hops/{hopId}?token=...}, where the token
 * carries the hop id and an expiry, signed with HMAC-SHA256. No account is needed to answer; a link
 * for one hop opens no other hop, and a changed or expired token is refused. The key comes from
 * {@code hoptrace.portal.link-secret}, or is generated once and kept in the database.
 */
@Component
public class ResponseLinks {

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final String SECRET_NAME = "response-link-key";

    private final byte[] key;
    private final Clock clock;
    private final String baseUrl;

    ResponseLinks(@Value("${hoptrace.portal.link-secret:}") String configured, JdbcTemplate jdbc, Clock clock,
                  @Value("${hoptrace.base-url}") String baseUrl) {
        this.key = (configured.isBlank() ? storedSecret(jdbc, clock) : configured).getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** A signed token for the hop, valid until {@code expiresAt}. */
    public String token(UUID hopId, Instant expiresAt) {
        ByteBuffer claims = ByteBuffer.allocate(24);
        claims.putLong(hopId.getMostSignificantBits()).putLong(hopId.getLeastSignificantBits())
                .putLong(expiresAt.getEpochSecond());
        byte[] body = claims.array();
        return BASE64.encodeToString(body) + "." + BASE64.encodeToString(sign(body));
    }

    /** The portal address a provider opens to answer the hop. */
    public String link(UUID hopId, Instant expiresAt) {
        return baseUrl + "/portal/hops/" + hopId + "?token=" + token(hopId, expiresAt);
    }

    /** The hop the token opens, if the token is intact, unexpired and for this hop. */
    public Optional<UUID> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] body = Base64.getUrlDecoder().decode(token.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (body.length != 24 || !MessageDigest.isEqual(sign(body), signature)) {
                return Optional.empty();
            }
            ByteBuffer claims = ByteBuffer.wrap(body);
            UUID hopId = new UUID(claims.getLong(), claims.getLong());
            Instant expiresAt = Instant.ofEpochSecond(claims.getLong());
            return clock.instant().isBefore(expiresAt) ? Optional.of(hopId) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String storedSecret(JdbcTemplate jdbc, Clock clock) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        jdbc.update("insert into app_secret (name, value, created_at) values (?, ?, ?) on conflict (name) do nothing",
                SECRET_NAME, HexFormat.of().formatHex(random), Timestamp.from(clock.instant()));
        return jdbc.queryForObject("select value from app_secret where name = ?", String.class, SECRET_NAME);
    }
}
