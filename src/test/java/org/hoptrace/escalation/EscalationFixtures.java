package org.hoptrace.escalation;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.hoptrace.provider.Provider;
import org.hoptrace.provider.ProviderRepository;
import org.hoptrace.traceback.Hop;
import org.hoptrace.traceback.Traceback;
import org.hoptrace.traceback.TracebackFixtures;
import org.hoptrace.traceback.TracebackRepository;
import org.hoptrace.workflow.UserTask;
import org.hoptrace.workflow.UserTaskQuery;
import org.hoptrace.workflow.WorkflowEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Providers, flags, agencies and waiting for escalation steps, for escalation tests. The SMTP server is
 * the test context's ({@code TestMailServer}); a service started by a test of its own has none.
 */
@Component
public class EscalationFixtures {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final ProviderRepository providers;
    private final TracebackFixtures tracebacks;
    private final TracebackRepository tracebackRepository;
    private final EscalationRepository escalations;
    private final WorkflowEngine engine;
    private final JdbcTemplate jdbc;
    private final ObjectProvider<GreenMail> smtp;

    EscalationFixtures(ProviderRepository providers, TracebackFixtures tracebacks, TracebackRepository tracebackRepository,
                       EscalationRepository escalations, WorkflowEngine engine, JdbcTemplate jdbc,
                       ObjectProvider<GreenMail> smtp) {
        this.providers = providers;
        this.tracebacks = tracebacks;
        this.tracebackRepository = tracebackRepository;
        this.escalations = escalations;
        this.engine = engine;
        this.jdbc = jdbc;
        this.smtp = smtp;
    }

    public Provider provider(Provider.Role role, String country) {
        int n = NAMES.incrementAndGet();
        String tag = n + "-" + UUID.randomUUID().toString().substring(0, 6);
        return providers.insert(new Provider(null, "Escalation Voice " + tag + " LLC", null, null, country, role,
                List.of("noc-" + tag + "@esc-voice.example"), null, null, null, null, true, null, null));
    }

    /** A hop of a traceback of a call to {@code calledNumber} that the provider left unanswered past its deadline. */
    public Hop nonResponsiveHop(Provider provider, String calledNumber) {
        Traceback traceback = tracebacks.overdue(provider, "escalation test");
        jdbc.update("update traceback set called_number = ? where traceback_id = ?", calledNumber, traceback.id());
        Hop hop = tracebackRepository.hops(traceback.id()).get(0);
        jdbc.update("update hop set status = 'non-responsive' where hop_id = ?", hop.id());
        return tracebackRepository.getHop(hop.id());
    }

    /** Flags the provider as the traceback process does when a hop passes its deadline. */
    public long flag(Provider provider, Hop hop) {
        return jdbc.queryForObject("""
                insert into provider_flag (provider_id, reason, hop_id, flagged_at) values (?, 'non-responsive', ?, ?)
                returning flag_id""", Long.class, provider.id(), hop.id(), java.sql.Timestamp.from(engine.clock().now()));
    }

    /** An agency; its name is made unique, its contact address is returned by {@link #agencyEmail}. */
    public UUID agency(String name, String type, List<String> states, List<String> notices, boolean active) {
        String unique = name + " " + UUID.randomUUID().toString().substring(0, 8);
        return jdbc.queryForObject("""
                insert into agency (name, agency_type, jurisdiction_states, contact_emails, notices, active, created_at, updated_at)
                values (?, ?, ?::char(2)[], ?::text[], ?::text[], ?, now(), now()) returning agency_id""", UUID.class,
                unique, type, "{" + String.join(",", states) + "}", "{" + agencyEmail(unique) + "}",
                "{" + String.join(",", notices) + "}", active);
    }

    public static String agencyEmail(String uniqueName) {
        return uniqueName.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "@agency.example";
    }

    public String agencyEmail(UUID agencyId) {
        return jdbc.queryForObject("select contact_emails[1] from agency where agency_id = ?", String.class, agencyId);
    }

    public Escalation escalationOf(Provider provider) {
        return await().atMost(Duration.ofSeconds(15)).until(
                () -> escalations.list(provider.id(), null, 10).stream().findFirst().orElse(null), e -> e != null);
    }

    public Escalation current(Escalation escalation) {
        return escalations.get(escalation.id());
    }

    /** Waits until the warning went out and the process waits for a cure or the end of the cure period. */
    public Escalation inCurePeriod(Escalation escalation) {
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "select count(*) from act_ru_event_subscr where event_name_ = ?", Integer.class,
                CuringProvider.COOPERATED + "::" + escalation.id()) == 1);
        return current(escalation);
    }

    /** Waits until the escalation is at {@code step} and its process waits at the step's timer. */
    public Escalation waitingAfter(Escalation escalation, String step) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> current(escalation), e -> step.equals(e.step())
                && jdbc.queryForObject("select count(*) from act_ru_job where process_instance_id_ = ? and type_ = 'timer'",
                Integer.class, e.processInstanceKey()) == 1);
    }

    public UserTask reviewTask(Escalation escalation) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> engine.openUserTasks(
                        UserTaskQuery.forProcessInstance(escalation.processInstanceKey())).stream().findFirst().orElse(null),
                task -> task != null);
    }

    public Escalation closed(Escalation escalation) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> current(escalation), e -> !e.isRunning());
    }

    /** Moves the engine clock a little past the escalation's current step's end. */
    public void passStepPeriod(Escalation escalation) {
        Instant due = current(escalation).stepDueAt();
        Duration gap = Duration.between(engine.clock().now(), due.plusSeconds(60));
        if (!gap.isNegative()) {
            engine.clock().advance(gap);
        }
    }

    /** Emails whose subject names the escalation's reference, as received by the SMTP server. */
    public List<MimeMessage> emailsAbout(Escalation escalation) {
        return Arrays.stream(smtp.getObject().getReceivedMessages()).filter(m -> subject(m).contains(escalation.reference())).toList();
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> recipients(MimeMessage message) {
        try {
            Address[] all = message.getAllRecipients();
            return all == null ? List.of() : Arrays.stream(all).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
