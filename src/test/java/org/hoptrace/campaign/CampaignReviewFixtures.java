package org.hoptrace.campaign;

import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.hoptrace.provider.Provider;
import org.hoptrace.traceback.TracebackFixtures;
import org.hoptrace.workflow.UserTask;
import org.hoptrace.workflow.UserTaskQuery;
import org.hoptrace.workflow.WorkflowEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sources, campaigns, calls and hourly volumes as plain SQL (as ingestion and detection would leave them), and
 * publishing CampaignsUpdated as detection does.
 */
@Component
public class CampaignReviewFixtures {

    private static final AtomicInteger NUMBERS = new AtomicInteger(1000);

    private final JdbcTemplate jdbc;
    private final WorkflowEngine engine;
    private final ApplicationEventPublisher events;
    private final TracebackFixtures tracebacks;
    private final ObjectProvider<GreenMail> smtp;

    CampaignReviewFixtures(JdbcTemplate jdbc, WorkflowEngine engine, ApplicationEventPublisher events,
                     TracebackFixtures tracebacks, ObjectProvider<GreenMail> smtp) {
        this.jdbc = jdbc;
        this.engine = engine;
        this.events = events;
        this.tracebacks = tracebacks;
        this.smtp = smtp;
    }

    /** A carrier source whose calls the given provider terminated. */
    public UUID source(Provider terminating) {
        return jdbc.queryForObject("""
                insert into call_source (name, kind, terminating_provider_id, created_at, updated_at)
                values (?, 'carrier', ?, now(), now()) returning source_id""", UUID.class,
                "Carrier " + UUID.randomUUID(), terminating == null ? null : terminating.id());
    }

    public Provider provider() {
        return tracebacks.provider("US");
    }

    /** A campaign with {@code calls} calls in total, {@code states} as called states ({"IL": 10}). */
    public UUID campaign(String name, String category, long calls, String statesJson) {
        Instant now = engine.clock().now();
        return jdbc.queryForObject("""
                insert into campaign (reference, name, category, first_seen, last_seen, call_count, distinct_calling_numbers,
                                      attestation_c, called_states, representative_transcript, created_at, updated_at)
                values ('CMP-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('campaign_reference_seq')::text, 6, '0'),
                        ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, now(), now()) returning campaign_id""", UUID.class,
                name, category, Timestamp.from(now.minus(Duration.ofDays(3))), Timestamp.from(now), calls, calls / 2, calls,
                statesJson, "This is a message about " + name + ". Press 1 now.");
    }

    public String reference(UUID campaign) {
        return jdbc.queryForObject("select reference from campaign where campaign_id = ?", String.class, campaign);
    }

    /** Sets the campaign's total calls, as detection would after more calls joined. */
    public void callCount(UUID campaign, long calls) {
        jdbc.update("update campaign set call_count = ?, attestation_c = ? where campaign_id = ?", calls, calls, campaign);
    }

    /** {@code count} calls of the campaign from distinct calling numbers, the newest first, signed A with an origination id. */
    public List<Long> calls(UUID campaign, UUID source, int count) {
        Instant now = engine.clock().now();
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            int n = NUMBERS.incrementAndGet();
            return jdbc.queryForObject("""
                    insert into call_record (source_id, source_call_id, calling_number, called_number, call_time, attestation,
                                             origination_id, transcript, called_state, received_at, campaign_id)
                    values (?, ?, ?, ?, ?, 'A', ?, 'Press 1 now', 'IL', now(), ?) returning call_id""", Long.class,
                    source, "call-" + UUID.randomUUID(), "+1202555" + String.format("%04d", n % 10000),
                    "+1312555" + String.format("%04d", n % 10000), Timestamp.from(now.minus(Duration.ofMinutes(10L + i))),
                    UUID.randomUUID().toString(), campaign);
        }).toList();
    }

    /** Calls of the campaign in the hour {@code hoursAgo} hours before now. */
    public void volume(UUID campaign, int hoursAgo, long calls) {
        Instant hour = engine.clock().now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(hoursAgo));
        jdbc.update("""
                insert into campaign_volume (campaign_id, hour, calls) values (?, ?, ?)
                on conflict (campaign_id, hour) do update set calls = excluded.calls""", campaign, Timestamp.from(hour), calls);
    }

    public void updated(UUID... campaigns) {
        events.publishEvent(new CampaignsUpdated(Set.of(campaigns)));
    }

    public List<String> thresholds(UUID campaign) {
        return jdbc.queryForList("select threshold from campaign_threshold_crossing where campaign_id = ? order by crossed_at, threshold",
                String.class, campaign);
    }

    public int processes(UUID campaign) {
        return jdbc.queryForObject("""
                select count(*) from act_hi_procinst p join act_re_procdef d on d.id_ = p.proc_def_id_
                join act_hi_varinst v on v.proc_inst_id_ = p.id_ and v.name_ = 'campaignId'
                where d.key_ = 'campaign-review' and v.text_ = ?""", Integer.class, campaign.toString());
    }

    public List<UUID> tracebacksOf(UUID campaign) {
        return jdbc.queryForList("select traceback_id from traceback where campaign_id = ? order by created_at, reference",
                UUID.class, campaign);
    }

    public List<UUID> awaitTracebacks(UUID campaign, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> tracebacksOf(campaign), t -> t.size() >= count);
    }

    public String status(UUID campaign) {
        return jdbc.queryForObject("select status from campaign where campaign_id = ?", String.class, campaign);
    }

    public String processInstance(UUID campaign, String threshold) {
        return jdbc.queryForObject("select process_instance_key from campaign_threshold_crossing where campaign_id = ? and threshold = ?",
                String.class, campaign, threshold);
    }

    public UserTask reviewTask(String processInstance) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> engine.openUserTasks(
                UserTaskQuery.forProcessInstance(processInstance)).stream().findFirst().orElse(null), t -> t != null);
    }

    public boolean ended(String processInstance) {
        return jdbc.queryForObject("select count(*) from act_ru_execution where proc_inst_id_ = ?", Integer.class, processInstance) == 0;
    }

    /** The end event the process instance reached. */
    public String endEvent(String processInstance) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList("""
                select act_id_ from act_hi_actinst where proc_inst_id_ = ? and act_type_ = 'noneEndEvent'""", String.class,
                processInstance), l -> !l.isEmpty()).get(0);
    }

    /** Waits until the process waits at its "Wait an hour" timer. */
    public void waitingForTracebacks(String processInstance) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from act_ru_job where process_instance_id_ = ? and type_ = 'timer'", Integer.class,
                processInstance) == 1);
    }

    public List<MimeMessage> emailsAbout(String reference) {
        return Arrays.stream(smtp.getObject().getReceivedMessages()).filter(m -> subject(m).contains(reference)).toList();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
