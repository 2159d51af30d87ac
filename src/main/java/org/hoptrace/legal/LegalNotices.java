package org.hoptrace.legal;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hoptrace.notify.Outbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the agency that something changed on its request: a notice in the request's messages and an
 * email (through the outbox) to the user who submitted it and to the agency's contact addresses, with a
 * link to the request's page in the agency portal. One notice per request and event: the same event
 * again (a retried job, a second call) sends nothing.
 */
@Component
public class LegalNotices {

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final Clock clock;
    private final String baseUrl;

    LegalNotices(JdbcTemplate jdbc, Outbox outbox, Clock clock, @Value("${hoptrace.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** {@code event} names the change (e.g. 'released'); it is part of the notice's idempotency key. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(UUID legalRequestId, String event, String text) {
        Map<String, Object> request = jdbc.queryForMap("""
                select r.reference, u.email, a.contact_emails from legal_request r
                join agency_user u on u.agency_user_id = r.submitted_by join agency a on a.agency_id = r.agency_id
                where r.legal_request_id = ?""", legalRequestId);
        String reference = (String) request.get("reference");
        Set<String> recipients = new LinkedHashSet<>();
        recipients.add(((String) request.get("email")).toLowerCase(Locale.ROOT));
        try {
            for (String contact : (String[]) ((Array) request.get("contact_emails")).getArray()) {
                recipients.add(contact.toLowerCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        String link = baseUrl + "/agency/requests/" + legalRequestId;
        String body = text + "\n\nSee the request in the agency portal: " + link
                + "\n\nThis email goes to the person who submitted the request and to the agency's contact addresses.";
        if (outbox.email("legal-request:" + legalRequestId + ":" + event, List.copyOf(recipients),
                "Legal request " + reference + ": " + event, body)) {
            jdbc.update("""
                    insert into legal_request_message (legal_request_id, kind, author_kind, author, body, created_at)
                    values (?, 'notice', 'system', 'Hoptrace', ?, ?)""", legalRequestId, text,
                    Timestamp.from(clock.instant()));
        }
    }
}
