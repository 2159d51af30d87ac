package org.hoptrace.legal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.hoptrace.notify.Outbox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the agency that something changed on its request: a notice in the request's messages and an
 * email (through the outbox) to the user who submitted it. One notice per request and event.
 */
@Component
public class LegalNotices {

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final Clock clock;

    LegalNotices(JdbcTemplate jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** {@code event} names the change (e.g. 'released'); it is part of the notice's idempotency key. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(UUID legalRequestId, String event, String text) {
        var request = jdbc.queryForMap("""
                select r.reference, u.email from legal_request r join agency_user u on u.agency_user_id = r.submitted_by
                where r.legal_request_id = ?""", legalRequestId);
        String reference = (String) request.get("reference");
        if (outbox.email("legal-request:" + legalRequestId + ":" + event, List.of((String) request.get("email")),
                "Legal request " + reference + ": " + event, text)) {
            jdbc.update("""
                    insert into legal_request_message (legal_request_id, kind, author_kind, author, body, created_at)
                    values (?, 'notice', 'system', 'Hoptrace', ?, ?)""", legalRequestId, text,
                    Timestamp.from(clock.instant()));
        }
    }
}
