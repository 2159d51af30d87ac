package org.hoptrace.campaign;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hoptrace.traceback.NewTraceback;
import org.hoptrace.traceback.Traceback;
import org.hoptrace.traceback.TracebackService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens tracebacks on a campaign's calls through {@link TracebackService#open}, with {@code traceback.campaign_id}
 * set. Representative calls: one per calling number, those with attestation and origination id first, then the
 * most recent; never a call traced for the campaign before, never one older than the 18 months carriers keep
 * records. The terminating provider is the one registered for the call's source, else the configured default.
 */
@Service
class CampaignTracebacks {

    static final String STAFF = "staff";

    private final TracebackService tracebacks;
    private final CampaignRepository campaigns;
    private final CampaignSettings settings;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    CampaignTracebacks(TracebackService tracebacks, CampaignRepository campaigns, CampaignSettings settings,
                       JdbcTemplate jdbc, Clock clock) {
        this.tracebacks = tracebacks;
        this.campaigns = campaigns;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Call(long callId, String callingNumber, String calledNumber, Instant callTime, String attestation,
                String originationId, UUID terminatingProviderId) {
    }

    /**
     * Traces up to {@code count} representative calls for a threshold. Asked again for the same threshold (a
     * retried job) it opens nothing and returns the tracebacks opened the first time.
     */
    @Transactional
    List<UUID> traceRepresentatives(UUID campaignId, String threshold, int count, String createdBy) {
        Campaign campaign = campaigns.get(campaignId);
        if (!STAFF.equals(threshold)) {
            List<UUID> earlier = jdbc.queryForList("select traceback_id from campaign_traceback where campaign_id = ? "
                    + "and threshold = ? order by started_at, call_id", UUID.class, campaignId, threshold);
            if (!earlier.isEmpty()) {
                return earlier;
            }
        }
        List<UUID> opened = new ArrayList<>();
        for (Call call : representatives(campaignId, count)) {
            opened.add(open(campaign, call, threshold, createdBy).id());
        }
        if (!opened.isEmpty()) {
            if (campaign.status() != Campaign.Status.TRACING) {
                campaigns.setStatus(campaignId, Campaign.Status.TRACING);
            }
            campaigns.event(campaignId, "tracebacks", "%d traceback(s) started (%s)".formatted(opened.size(), threshold), createdBy);
        }
        return opened;
    }

    /** Staff trace one call of the campaign. */
    @Transactional
    Traceback traceCall(UUID campaignId, long callId, String createdBy) {
        Campaign campaign = campaigns.get(campaignId);
        Call call = jdbc.query(CALLS + " where r.campaign_id = ? and r.call_id = ?", CALL, settings.defaultTerminatingProvider(),
                campaignId, callId).stream().findFirst().orElseThrow(() -> new InvalidCampaignRequestException(
                java.util.Map.of("callId", "campaign " + campaign.reference() + " has no call " + callId)));
        UUID traced = jdbc.query("select traceback_id from campaign_traceback where call_id = ?",
                (rs, n) -> rs.getObject(1, UUID.class), callId).stream().findFirst().orElse(null);
        if (traced != null) {
            throw new CampaignStateException("call " + callId + " has been traced already (traceback " + traced + ")");
        }
        if (call.terminatingProviderId() == null) {
            throw new CampaignStateException("no terminating provider is known for call " + callId + ": register the "
                    + "provider of its source or set hoptrace.campaign.default-terminating-provider");
        }
        if (call.callingNumber() == null || call.calledNumber() == null) {
            throw new CampaignStateException("call " + callId + " lacks its calling or called number and cannot be traced");
        }
        Traceback traceback = open(campaign, call, STAFF, createdBy);
        campaigns.event(campaignId, "tracebacks", "traceback %s started on call %d".formatted(traceback.reference(), callId), createdBy);
        return traceback;
    }

    private Traceback open(Campaign campaign, Call call, String threshold, String createdBy) {
        String label = (campaign.reference() + " " + campaign.name());
        Traceback traceback = tracebacks.open(new NewTraceback(call.callingNumber(), call.calledNumber(), call.callTime(),
                label.length() > 200 ? label.substring(0, 200) : label, call.attestation(), call.originationId(),
                call.terminatingProviderId(), Traceback.Priority.NORMAL), createdBy);
        jdbc.update("update traceback set campaign_id = ? where traceback_id = ?", campaign.id(), traceback.id());
        jdbc.update("insert into campaign_traceback (campaign_id, threshold, call_id, traceback_id, started_at) values (?, ?, ?, ?, ?)",
                campaign.id(), threshold, call.callId(), traceback.id(), Timestamp.from(clock.instant()));
        return traceback;
    }

    List<Call> representatives(UUID campaignId, int count) {
        Instant oldest = clock.instant().atOffset(ZoneOffset.UTC).minusMonths(18).toInstant();
        return jdbc.query("""
                select * from (
                    select distinct on (r.calling_number) r.call_id, r.calling_number, r.called_number, r.call_time,
                           r.attestation, r.origination_id, coalesce(s.terminating_provider_id, ?) as provider_id
                    from call_record r join call_source s on s.source_id = r.source_id
                    where r.campaign_id = ? and r.calling_number is not null and r.called_number is not null
                      and r.call_time > ? and coalesce(s.terminating_provider_id, ?) is not null
                      and not exists (select 1 from campaign_traceback ct where ct.call_id = r.call_id)
                    order by r.calling_number, (r.attestation is not null and r.origination_id is not null) desc,
                             r.call_time desc, r.call_id
                ) r
                order by (r.attestation is not null and r.origination_id is not null) desc, r.call_time desc, r.call_id
                limit ?""", CALL, settings.defaultTerminatingProvider(), campaignId, Timestamp.from(oldest),
                settings.defaultTerminatingProvider(), count);
    }

    private static final String CALLS = """
            select r.call_id, r.calling_number, r.called_number, r.call_time, r.attestation, r.origination_id,
                   coalesce(s.terminating_provider_id, ?) as provider_id
            from call_record r join call_source s on s.source_id = r.source_id""";

    private static final RowMapper<Call> CALL = (rs, n) -> new Call(rs.getLong("call_id"), rs.getString("calling_number"),
            rs.getString("called_number"), rs.getTimestamp("call_time").toInstant(), rs.getString("attestation"),
            rs.getString("origination_id"), rs.getObject("provider_id", UUID.class));

    /** The campaign's tracebacks, for one threshold or (null) all, oldest first. */
    List<CampaignTraceback> of(UUID campaignId, String threshold) {
        return jdbc.query("""
                select t.traceback_id, t.reference, ct.threshold, ct.call_id, t.calling_number, t.call_time, t.status, t.outcome,
                       (select string_agg(p.legal_name, ' <- ' order by h.hop_number) from hop h
                        join provider p on p.provider_id = h.provider_id where h.traceback_id = t.traceback_id) as chain,
                       o.legal_name as origin_provider, o.customer_name as origin_customer
                from campaign_traceback ct join traceback t on t.traceback_id = ct.traceback_id
                left join lateral (
                    select p.legal_name, a.customer_name from hop h join hop_answer a on a.hop_id = h.hop_id
                    join provider p on p.provider_id = h.provider_id
                    where h.traceback_id = t.traceback_id and a.answer_type = 'origin' limit 1) o on true
                where ct.campaign_id = ? and (?::varchar is null or ct.threshold = ?)
                order by ct.started_at, t.reference""",
                (rs, n) -> new CampaignTraceback(rs.getObject("traceback_id", UUID.class), rs.getString("reference"),
                        rs.getString("threshold"), rs.getLong("call_id"), rs.getString("calling_number"),
                        rs.getTimestamp("call_time").toInstant(), rs.getString("status"), rs.getString("outcome"),
                        rs.getString("chain"), rs.getString("origin_provider"), rs.getString("origin_customer")),
                campaignId, threshold, threshold);
    }
}
