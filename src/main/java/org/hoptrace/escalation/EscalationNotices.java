package org.hoptrace.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.hoptrace.agency.Agency;
import org.hoptrace.agency.AgencyRepository;
import org.hoptrace.notify.Outbox;
import org.hoptrace.provider.ProviderRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts an escalation step's notices in the outbox: to the provider's contacts, to each agency the
 * routing decision chose (one email per agency), to ITG staff. The idempotency key is escalation,
 * step and recipient, so a retried job or a restart never sends a notice twice.
 */
@Component
class EscalationNotices {

    private final ProviderRepository providers;
    private final AgencyRepository agencies;
    private final ProviderRecord record;
    private final Outbox outbox;
    private final JdbcTemplate jdbc;
    private final EscalationSettings settings;
    private final String baseUrl;

    EscalationNotices(ProviderRepository providers, AgencyRepository agencies, ProviderRecord record, Outbox outbox,
                      JdbcTemplate jdbc, EscalationSettings settings, @Value("${hoptrace.base-url}") String baseUrl) {
        this.providers = providers;
        this.agencies = agencies;
        this.record = record;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.settings = settings;
        this.baseUrl = baseUrl;
    }

    Letters.Case caseOf(Escalation escalation) {
        return new Letters.Case(escalation, providers.get(escalation.providerId()), flagLines(escalation.id()),
                record.facts(escalation.providerId()), baseUrl);
    }

    /** The provider's notice; false if it has no contact email. */
    boolean toProvider(Letters.Case c, String step, Instant now, Instant due) {
        if (c.provider().contactEmails().isEmpty()) {
            return false;
        }
        outbox.email(key(c, step, "provider"), c.provider().contactEmails(), Letters.subject(step, c),
                Letters.toProvider(step, c, now, due));
        return true;
    }

    /** One notice per agency of the given types with jurisdiction that wants referrals; returns them. */
    List<Agency> toAgencies(Letters.Case c, String step, Collection<Agency.Type> types, Collection<String> states,
                            Instant now, Instant due) {
        List<Agency> notified = new ArrayList<>();
        for (Agency agency : agencies.recipients(types, states, Agency.Notice.NON_COOPERATION_REFERRAL)) {
            if (!agency.contactEmails().isEmpty()) {
                outbox.email(key(c, step, "agency:" + agency.id()), agency.contactEmails(),
                        "Referral, " + Letters.subject(step, c), Letters.toAgency(step, c, agency.name(), now, due));
                notified.add(agency);
            }
        }
        return notified;
    }

    void toStaff(Letters.Case c) {
        outbox.email(key(c, Ladder.REVIEW, "staff"), settings.staffEmails(),
                "Review non-cooperation: %s (%s)".formatted(c.provider().legalName(), c.escalation().reference()),
                Letters.toStaff(c, baseUrl + "/operaton/app/tasklist/"));
    }

    private static String key(Letters.Case c, String step, String recipient) {
        return "escalation:" + c.escalation().id() + ":" + step + ":" + recipient;
    }

    /** The escalation's flags, readably: "non-responsive on 2026-11-21 15:04 UTC, TB-2026-000012 hop 3". */
    List<String> flagLines(UUID escalationId) {
        return jdbc.query("""
                select f.reason, f.flagged_at, t.reference, h.hop_number from provider_flag f
                left join hop h on h.hop_id = f.hop_id left join traceback t on t.traceback_id = h.traceback_id
                where f.escalation_id = ? order by f.flagged_at, f.flag_id""",
                (rs, row) -> "%s on %s%s".formatted(rs.getString("reason"), Letters.when(rs.getTimestamp("flagged_at").toInstant()),
                        rs.getString("reference") == null ? "" : ", " + rs.getString("reference") + " hop " + rs.getInt("hop_number")),
                escalationId);
    }
}
