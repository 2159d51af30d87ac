package org.hoptrace.legal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Agency portal users in PostgreSQL (table agency_user). Password hashes and TOTP secrets never leave it in a record. */
@Repository
public class AgencyUserRepository {

    private static final String COLUMNS = """
            agency_user_id, agency_id, email, full_name, status, invited_by, invited_at, invitation_expires_at,
            activated_at, last_login_at, failed_logins, locked_until""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AgencyUserRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<AgencyUser> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from agency_user where agency_user_id = ?", ROW, id).stream().findFirst();
    }

    public Optional<AgencyUser> findByEmail(String email) {
        return jdbc.query("select " + COLUMNS + " from agency_user where lower(email) = lower(?)", ROW, email.strip())
                .stream().findFirst();
    }

    public List<AgencyUser> ofAgency(UUID agencyId) {
        return jdbc.query("select " + COLUMNS + " from agency_user where agency_id = ? order by lower(email)", ROW, agencyId);
    }

    /** A new invited user; the caller checked the address. */
    AgencyUser invite(UUID agencyId, String email, String fullName, String tokenHash, Instant expiresAt, String invitedBy) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into agency_user (agency_user_id, agency_id, email, full_name, status, invitation_token_hash,
                                         invitation_expires_at, invited_by, invited_at)
                values (?, ?, ?, ?, 'invited', ?, ?, ?, ?)""", id, agencyId, email, fullName, tokenHash,
                Timestamp.from(expiresAt), invitedBy, Timestamp.from(clock.instant()));
        return find(id).orElseThrow();
    }

    /** A new invitation for a user who has not accepted one yet: the old link stops working. */
    void reinvite(UUID id, String tokenHash, Instant expiresAt, String invitedBy) {
        jdbc.update("""
                update agency_user set invitation_token_hash = ?, invitation_expires_at = ?, invited_by = ?, invited_at = ?
                where agency_user_id = ? and status = 'invited'""", tokenHash, Timestamp.from(expiresAt), invitedBy,
                Timestamp.from(clock.instant()), id);
    }

    /** The invited user whose invitation token has this hash, locked for the acceptance. */
    Optional<AgencyUser> lockByInvitation(String tokenHash) {
        return jdbc.query("select " + COLUMNS + " from agency_user where invitation_token_hash = ? and status = 'invited' "
                + "for update", ROW, tokenHash).stream().findFirst();
    }

    /** Sets password and TOTP secret and ends the invitation: its link works once. */
    void activate(UUID id, String passwordHash, String totpSecret, long totpStep) {
        jdbc.update("""
                update agency_user set status = 'active', password_hash = ?, totp_secret = ?, totp_last_step = ?,
                       invitation_token_hash = null, invitation_expires_at = null, activated_at = ?
                where agency_user_id = ?""", passwordHash, totpSecret, totpStep, Timestamp.from(clock.instant()), id);
    }

    void disable(UUID id, String by) {
        jdbc.update("""
                update agency_user set status = 'disabled', invitation_token_hash = null, disabled_at = ?, disabled_by = ?
                where agency_user_id = ? and status <> 'disabled'""", Timestamp.from(clock.instant()), by, id);
    }

    /** What a login checks, read with a row lock so that two logins with one code cannot both succeed. */
    record Credentials(AgencyUser user, String passwordHash, String totpSecret, long totpLastStep) {
    }

    Optional<Credentials> lockCredentials(String email) {
        return jdbc.query("select " + COLUMNS + ", password_hash, totp_secret, totp_last_step from agency_user "
                        + "where lower(email) = lower(?) for update",
                (rs, row) -> new Credentials(map(rs, row), rs.getString("password_hash"), rs.getString("totp_secret"),
                        rs.getLong("totp_last_step")), email.strip()).stream().findFirst();
    }

    void loggedIn(UUID id, long totpStep) {
        jdbc.update("""
                update agency_user set failed_logins = 0, locked_until = null, last_login_at = ?, totp_last_step = ?
                where agency_user_id = ?""", Timestamp.from(clock.instant()), totpStep, id);
    }

    /** Counts a failed login; at {@code maxFailures} the user is locked until {@code lockedUntil} and the count starts again. */
    void failedLogin(UUID id, int maxFailures, Instant lockedUntil) {
        jdbc.update("""
                update agency_user set failed_logins = case when failed_logins + 1 >= ? then 0 else failed_logins + 1 end,
                       locked_until = case when failed_logins + 1 >= ? then ? else locked_until end
                where agency_user_id = ?""", maxFailures, maxFailures, Timestamp.from(lockedUntil), id);
    }

    static final RowMapper<AgencyUser> ROW = AgencyUserRepository::map;

    private static AgencyUser map(ResultSet rs, int row) throws SQLException {
        return new AgencyUser(rs.getObject("agency_user_id", UUID.class), rs.getObject("agency_id", UUID.class),
                rs.getString("email"), rs.getString("full_name"), AgencyUser.Status.ofCode(rs.getString("status")),
                rs.getString("invited_by"), instant(rs, "invited_at"), instant(rs, "invitation_expires_at"),
                instant(rs, "activated_at"), instant(rs, "last_login_at"), rs.getInt("failed_logins"),
                instant(rs, "locked_until"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
