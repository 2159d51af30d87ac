package org.hoptrace.traceback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hoptrace.notify.Outbox;
import org.hoptrace.provider.Provider;
import org.hoptrace.provider.ProviderRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of a hop that the traceback process's workers run, each in one transaction and each
 * safe to run again (a job retried after a crash changes nothing twice and sends nothing twice).
 */
@Service
class HopLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HopLifecycle.class);

    private final TracebackRepository tracebacks;
    private final ProviderRepository providers;
    private final HopRequests requests;
    private final Outbox outbox;
    private final TracebackSettings settings;
    private final BusinessCalendar calendar;

    HopLifecycle(TracebackRepository tracebacks, ProviderRepository providers, HopRequests requests, Outbox outbox,
                 TracebackSettings settings) {
        this.tracebacks = tracebacks;
        this.providers = providers;
        this.requests = requests;
        this.outbox = outbox;
        this.settings = settings;
        this.calendar = new BusinessCalendar(settings.businessHours());
    }

    /**
     * The hop to ask now: after {@code previousHopId}, the upstream its answer named; without one,
     * the reopened hop or else the terminating provider as hop 1.
     */
    @Transactional
    Hop open(UUID tracebackId, UUID previousHopId, UUID reopenHopId) {
        if (previousHopId != null) {
            Hop previous = tracebacks.getHop(previousHopId);
            HopAnswer answer = tracebacks.answer(previousHopId)
                    .orElseThrow(() -> new IllegalStateException("hop " + previousHopId + " has no answer to follow"));
            return tracebacks.insertHop(tracebackId, previous.number() + 1, answer.upstreamProviderId());
        }
        if (reopenHopId != null) {
            return tracebacks.getHop(reopenHopId);
        }
        return tracebacks.insertHop(tracebackId, 1, tracebacks.get(tracebackId).terminatingProviderId());
    }

    boolean withinBusinessHours(Instant at) {
        return calendar.withinBusinessHours(at);
    }

    Instant nextBusinessOpening(Instant at) {
        return calendar.nextOpening(at);
    }

    /**
     * Fixes the hop's deadline (once per request round) and puts the request in the outbox, unless
     * the hop has an answer already (a reopened hop answered late).
     */
    @Transactional
    Hop sendRequest(UUID hopId, Instant countFrom, Duration responseTime, Duration reminderBefore) {
        Hop hop = tracebacks.getHop(hopId);
        if (hop.deadline() == null) {
            Instant deadline = countFrom.plus(responseTime);
            tracebacks.setDeadline(hopId, deadline, deadline.minus(reminderBefore));
            hop = tracebacks.getHop(hopId);
        }
        if (tracebacks.answer(hopId).isEmpty()) {
            requests.send(hop, "request");
        }
        return hop;
    }

    @Transactional
    void remind(UUID hopId) {
        Hop hop = tracebacks.getHop(hopId);
        if (hop.status() == Hop.Status.REQUESTED) {
            tracebacks.markReminded(hopId);
            requests.remind(hop);
        }
    }

    /**
     * The deadline passed without an answer: the hop is non-responsive, the traceback stalls, ITG
     * staff are told and the provider is flagged for escalation.
     */
    @Transactional
    void markNonResponsive(UUID hopId) {
        Hop hop = tracebacks.getHop(hopId);
        if (hop.status() == Hop.Status.ANSWERED) {
            log.warn("Hop {} was answered as its deadline passed; the traceback stays open for staff to route it", hopId);
            return;
        }
        tracebacks.markNonResponsive(hopId);
        Provider provider = providers.get(hop.providerId());
        Traceback traceback = tracebacks.get(hop.tracebackId());
        String reason = "%s did not answer hop %d by %s".formatted(provider.legalName(), hop.number(), hop.deadline());
        tracebacks.complete(traceback.id(), Traceback.Outcome.NON_RESPONSIVE, reason);
        tracebacks.flagProvider(provider.id(), "non-responsive", hopId);
        outbox.email(hopId + ":" + hop.requestCount() + ":non-responsive", settings.staffEmails(),
                "Non-responsive provider: %s, %s hop %d".formatted(provider.legalName(), traceback.reference(), hop.number()),
                """
                %s

                Traceback %s stalled at hop %d. The provider is flagged for the non-cooperation escalation.
                Reopen the hop from the traceback's page once the provider answers.
                """.formatted(reason, traceback.reference(), hop.number()));
    }

    /** Ends the traceback with the outcome the routing decision chose. */
    @Transactional
    void close(UUID tracebackId, Traceback.Outcome outcome) {
        List<Hop> hops = tracebacks.hops(tracebackId);
        Hop last = hops.get(hops.size() - 1);
        String provider = providers.get(last.providerId()).legalName();
        tracebacks.complete(tracebackId, outcome, "%s at hop %d (%s)".formatted(
                outcome.code().replace('-', ' '), last.number(), provider));
        log.info("Traceback {} closed: {} at hop {}", tracebackId, outcome.code(), last.number());
    }
}
