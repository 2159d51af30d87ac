package org.hoptrace.legal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One agency portal user to try the portal with, when {@code hoptrace.demo-data} is true:
 * {@value #EMAIL} of the demo Illinois Attorney General, password {@code hoptrace.demo-password}, and the
 * authenticator secret {@value #TOTP_SECRET} (add it to any authenticator app). Made once, after the demo
 * agencies; never changed afterwards. Not for production (docs/agency-portal.md).
 */
@Component
@ConditionalOnProperty(name = "hoptrace.demo-data", havingValue = "true", matchIfMissing = true)
class DemoAgencyUser {

    static final String EMAIL = "investigator@ag-il.example";
    static final String TOTP_SECRET = "HOPTRACEDEMOAGENCYUSERTOTPSECRET";
    static final UUID ILLINOIS = UUID.fromString("00000000-0000-4000-a000-0000000a0001");

    private static final Logger log = LoggerFactory.getLogger(DemoAgencyUser.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String password;

    DemoAgencyUser(JdbcTemplate jdbc, Clock clock, @Value("${hoptrace.demo-password:hoptrace}") String password) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        Timestamp now = Timestamp.from(clock.instant());
        int created = jdbc.update("""
                insert into agency_user (agency_id, email, full_name, status, password_hash, totp_secret, invited_by,
                                         invited_at, activated_at)
                select ?, ?, 'Demo Investigator', 'active', ?, ?, 'demo-data', ?, ?
                where exists (select 1 from agency where agency_id = ?)
                  and not exists (select 1 from agency_user where lower(email) = ?)""",
                ILLINOIS, EMAIL, AgencyInvitations.PASSWORDS.encode(password), TOTP_SECRET, now, now, ILLINOIS, EMAIL);
        if (created > 0) {
            log.info("Created the demo agency portal user {} (docs/agency-portal.md)", EMAIL);
        }
    }
}
