package org.hoptrace.traceback;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.hoptrace.provider.Provider;
import org.hoptrace.provider.ProviderRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Providers, tracebacks and answers for traceback tests, through the real services. */
@Component
public class TracebackFixtures {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final ProviderRepository providers;
    private final TracebackService service;
    private final TracebackRepository tracebacks;
    private final AnsweringHop answering;
    private final JdbcTemplate jdbc;

    TracebackFixtures(ProviderRepository providers, TracebackService service, TracebackRepository tracebacks,
                      AnsweringHop answering, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.providers = providers;
        this.service = service;
        this.tracebacks = tracebacks;
        this.answering = answering;
    }

    public Provider provider(String country) {
        return provider(country, null, null);
    }

    public Provider provider(String country, String webhookUrl, String webhookSecret) {
        int n = NAMES.incrementAndGet();
        return providers.insert(new Provider(null, "Test Voice " + n + " LLC", null, null, country,
                Provider.Role.INTERMEDIATE, List.of("traceback" + n + "@voice" + n + ".example"), null,
                webhookUrl, webhookSecret, null, true, null, null));
    }

    public Traceback open(Provider terminating) {
        return service.open(new NewTraceback("+12025550143", "+13125550178", Instant.parse("2026-11-20T15:04:05Z"),
                "SSA impersonation", "C", "9a3f7c2e-5b1d-4e8a-b6f0-0c2d4e6f8a1b", terminating.id(),
                Traceback.Priority.NORMAL), "staff");
    }

    /**
     * A traceback whose hop 1 waits past its deadline: rows only, no process (with a process the
     * deadline timer would mark the hop non-responsive as soon as the clock passes the deadline).
     */
    public Traceback overdue(Provider terminating, String campaign) {
        Traceback traceback = tracebacks.insert(new NewTraceback("+12025550199", "+13125550100",
                Instant.parse("2026-11-20T15:04:05Z"), campaign, "B", null, terminating.id(), Traceback.Priority.URGENT),
                "staff");
        Hop hop = tracebacks.insertHop(traceback.id(), 1, terminating.id());
        jdbc.update("update hop set requested_at = requested_at - interval '26 hours' where hop_id = ?", hop.id());
        Instant requested = tracebacks.getHop(hop.id()).requestedAt();
        tracebacks.setDeadline(hop.id(), requested.plus(Duration.ofHours(24)), requested.plus(Duration.ofHours(20)));
        return traceback;
    }

    /** Waits until the traceback's hop {@code number} has been requested (deadline fixed, request in the outbox). */
    public Hop requestedHop(UUID tracebackId, int number) {
        return await().atMost(Duration.ofSeconds(15)).until(
                () -> tracebacks.hops(tracebackId).stream().filter(h -> h.number() == number && h.deadline() != null)
                        .findFirst().orElse(null), hop -> hop != null);
    }

    /**
     * Waits until the process waits at hop {@code number} for the answer (its subscription and
     * timers exist), so that moving the engine clock afterwards fires the hop's timers.
     */
    public Hop waitingHop(UUID tracebackId, int number) {
        Hop hop = requestedHop(tracebackId, number);
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "select count(*) from act_ru_event_subscr where event_name_ = ?", Integer.class,
                AnsweringHop.MESSAGE + "::" + hop.id()) == 1);
        return hop;
    }

    public Traceback ended(UUID tracebackId) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> tracebacks.get(tracebackId),
                traceback -> traceback.status() != Traceback.Status.OPEN);
    }

    public AnsweringHop.Result answerUpstream(Hop hop, Provider upstream) {
        return answer(hop, new AnswerContent(HopAnswer.Type.UPSTREAM_REGISTERED, upstream.id(), null, null, null, null,
                null, null, null, null));
    }

    public AnsweringHop.Result answerUnregisteredUpstream(Hop hop, String name, String country) {
        return answer(hop, new AnswerContent(HopAnswer.Type.UPSTREAM_UNREGISTERED, null, name, "noc@upstream.example",
                "+44 20 7946 0000", country, null, null, null, null));
    }

    public AnsweringHop.Result answerOrigin(Hop hop) {
        return answer(hop, new AnswerContent(HopAnswer.Type.ORIGIN, null, null, null, null, null, "Dialer Express Inc.",
                "Account 4471, retail customer since 2025-06", null, "customer suspended"));
    }

    public AnsweringHop.Result answerNotFound(Hop hop) {
        return answer(hop, new AnswerContent(HopAnswer.Type.NOT_FOUND, null, null, null, null, null, null, null,
                "No CDR for this call in our switch records", null));
    }

    public AnsweringHop.Result answer(Hop hop, AnswerContent content) {
        return answering.answer(hop.id(), hop.providerId(), content, "api", "test");
    }
}
