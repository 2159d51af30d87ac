package org.hoptrace.campaign;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hoptrace.agency.Agency;
import org.hoptrace.agency.AgencyRepository;
import org.hoptrace.notify.Outbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts agencies about a campaign whose tracebacks found origins: every active agency of the chosen types that
 * wants campaign alerts and is nationwide or has one of the called states gets one email (idempotency key
 * campaign, agency and threshold), with a summary and a link to the campaign page.
 */
@Service
class CampaignAlerts {

    private final CampaignRepository campaigns;
    private final CampaignTracebacks tracebacks;
    private final AgencyRepository agencies;
    private final Outbox outbox;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String baseUrl;

    CampaignAlerts(CampaignRepository campaigns, CampaignTracebacks tracebacks, AgencyRepository agencies, Outbox outbox,
                   JdbcTemplate jdbc, Clock clock, @Value("${hoptrace.base-url}") String baseUrl) {
        this.campaigns = campaigns;
        this.tracebacks = tracebacks;
        this.agencies = agencies;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    @Transactional
    List<Agency> send(UUID campaignId, String threshold, Collection<String> agencyTypes, Collection<String> states) {
        Campaign campaign = campaigns.get(campaignId);
        List<Agency.Type> types = agencyTypes.stream().distinct().map(Agency.Type::ofCode).toList();
        String subject = "Campaign alert: %s (%s)".formatted(campaign.name(), campaign.reference());
        String body = body(campaign, tracebacks.of(campaignId, threshold));
        List<Agency> alerted = new ArrayList<>();
        for (Agency agency : agencies.recipients(types, states, Agency.Notice.CAMPAIGN_ALERT)) {
            if (agency.contactEmails().isEmpty()) {
                continue;
            }
            outbox.email("campaign-alert:%s:%s:%s".formatted(campaignId, agency.id(), threshold), agency.contactEmails(),
                    subject, "To " + agency.name() + ",\n\n" + body);
            jdbc.update("""
                    insert into campaign_alert (campaign_id, threshold, agency_id, sent_at) values (?, ?, ?, ?)
                    on conflict do nothing""", campaignId, threshold, agency.id(), Timestamp.from(clock.instant()));
            alerted.add(agency);
        }
        campaigns.event(campaignId, "alerts", alerted.isEmpty() ? "no agency to alert (" + String.join(", ", agencyTypes) + ")"
                : "alerted " + alerted.stream().map(Agency::name).collect(Collectors.joining(", ")), "hoptrace");
        return alerted;
    }

    private String body(Campaign campaign, List<CampaignTraceback> traced) {
        String origins = traced.stream().filter(CampaignTraceback::foundOrigin).map(t -> "- %s (%s, call from %s): %s%s"
                .formatted(t.reference(), t.outcome(), t.callingNumber(), t.providerChain() == null ? "" : t.providerChain(),
                        t.originCustomer() == null ? "" : "; originated for " + t.originCustomer()
                                + (t.originProvider() == null ? "" : " by " + t.originProvider())))
                .collect(Collectors.joining("\n"));
        return """
                Tracebacks of a robocall campaign found where its calls come from.

                Campaign: %s, %s
                %s

                Tracebacks that found the origin (providers from the terminating provider to the origin):
                %s

                Campaign page (trend, sample calls, tracebacks, provider ecosystem): %s

                Hoptrace, on behalf of the industry traceback group
                """.formatted(campaign.reference(), campaign.name(), Summaries.of(campaign), origins,
                baseUrl + "/campaigns/" + campaign.id());
    }
}
