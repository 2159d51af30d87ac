package org.hoptrace.legal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens of agency users for {@code /api/v1/agency/**} (HTTP {@code Authorization: Bearer}).
 * The token is shown once when it is made; Hoptrace keeps its SHA-256. A token works while it is not
 * revoked, its user is active and its agency is active.
 */
@Component
class AgencyApiTokens {

    static final String PREFIX = "hta_";

    record Token(UUID id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** A token just made: its secret is in here and nowhere else. */
    record Created(Token token, String secret) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AgencyApiTokens(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    Created create(UUID userId, String name) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100) {
            throw new InvalidAgencyInputException(Map.of("name", "give the token a name, at most 100 characters"));
        }
        String secret = AgencyTokens.newSecret(PREFIX);
        UUID id = UUID.randomUUID();
        jdbc.update("insert into agency_api_token (token_id, agency_user_id, name, token_hash, created_at) values (?, ?, ?, ?, ?)",
                id, userId, label, AgencyTokens.sha256(secret), Timestamp.from(clock.instant()));
        return new Created(list(userId).stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(), secret);
    }

    List<Token> list(UUID userId) {
        return jdbc.query("""
                select token_id, name, created_at, last_used_at, revoked_at from agency_api_token
                where agency_user_id = ? order by created_at desc""", (rs, row) -> new Token(
                rs.getObject("token_id", UUID.class), rs.getString("name"), rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at"))), userId);
    }

    /** Revokes one of the user's own tokens; another user's token is "not found". */
    @Transactional
    void revoke(UUID userId, UUID tokenId) {
        int changed = jdbc.update("""
                update agency_api_token set revoked_at = coalesce(revoked_at, ?) where token_id = ? and agency_user_id = ?""",
                Timestamp.from(clock.instant()), tokenId, userId);
        if (changed == 0) {
            throw new LegalRequestNotFoundException("no API token " + tokenId);
        }
    }

    /** The user a valid token belongs to. */
    @Transactional
    Optional<AgencyPrincipal> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<AgencyPrincipal> principal = jdbc.query("""
                select u.agency_user_id, u.agency_id, u.email from agency_api_token t
                join agency_user u on u.agency_user_id = t.agency_user_id join agency a on a.agency_id = u.agency_id
                where t.token_hash = ? and t.revoked_at is null and u.status = 'active' and a.active""",
                (rs, row) -> new AgencyPrincipal(rs.getObject("agency_user_id", UUID.class),
                        rs.getObject("agency_id", UUID.class), rs.getString("email")),
                AgencyTokens.sha256(secret)).stream().findFirst();
        principal.ifPresent(p -> jdbc.update("update agency_api_token set last_used_at = ? where token_hash = ?",
                Timestamp.from(clock.instant()), AgencyTokens.sha256(secret)));
        return principal;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
