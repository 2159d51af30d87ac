package org.hoptrace.traceback;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hoptrace.notify.Outbox;
import org.hoptrace.provider.Provider;
import org.hoptrace.provider.ProviderRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes a hop's request and reminder to the outbox: an email to the provider's traceback contacts
 * with a secure response link, and a signed webhook (docs/webhooks.md) when the provider has one.
 * The idempotency keys make a retried job enqueue nothing twice.
 */
@Component
class HopRequests {

    static final String REQUESTED = "hop.requested";
    static final String REMINDER = "hop.reminder";

    private final TracebackRepository tracebacks;
    private final ProviderRepository providers;
    private final Outbox outbox;
    private final ResponseLinks links;
    private final TracebackSettings settings;
    private final String baseUrl;

    HopRequests(TracebackRepository tracebacks, ProviderRepository providers, Outbox outbox, ResponseLinks links,
                TracebackSettings settings, @Value("${hoptrace.base-url}") String baseUrl) {
        this.tracebacks = tracebacks;
        this.providers = providers;
        this.outbox = outbox;
        this.links = links;
        this.settings = settings;
        this.baseUrl = baseUrl;
    }

    /** The request for the hop's current round ({@code hop.requestCount()}); {@code round} names re-sends. */
    void send(Hop hop, String round) {
        enqueue(hop, REQUESTED, round, "Traceback request");
    }

    void remind(Hop hop) {
        enqueue(hop, REMINDER, "reminder", "Reminder: traceback request");
    }

    private void enqueue(Hop hop, String event, String round, String title) {
        Traceback traceback = tracebacks.get(hop.tracebackId());
        Provider provider = providers.get(hop.providerId());
        Instant deadline = hop.deadline();
        String link = links.link(hop.id(), deadline.plus(settings.linkValidity()));
        String key = hop.id() + ":" + hop.requestCount() + ":" + round;
        if (!provider.contactEmails().isEmpty()) {
            outbox.email(key + ":email", provider.contactEmails(),
                    "%s %s, hop %d: answer by %s".formatted(title, traceback.reference(), hop.number(), deadline),
                    emailText(traceback, hop, provider, link));
        }
        if (provider.hasWebhook()) {
            outbox.webhook(key + ":webhook", provider.webhookUrl(), provider.webhookSecret(), event,
                    payload(event, traceback, hop, link));
        }
    }

    private String emailText(Traceback traceback, Hop hop, Provider provider, String link) {
        return """
                Dear %s traceback team,

                The industry traceback group asks you who handed your network the call below. Please answer by
                %s (UTC), within 24 hours as 47 CFR 64.1200(n)(1) requires.

                Traceback:       %s, hop %d
                Calling number:  %s
                Called number:   %s
                Call time (UTC): %s
                Attestation:     %s
                Origination id:  %s

                Answer here (no account needed; the link works for this request only):
                %s

                Automated answers: POST %s/api/v1/hops/%s/response with your API credentials.

                Hoptrace, on behalf of the traceback group
                """.formatted(provider.legalName(), hop.deadline(), traceback.reference(), hop.number(),
                traceback.callingNumber(), traceback.calledNumber(), traceback.callTime(),
                orDash(traceback.attestation()), orDash(traceback.originationId()), link, baseUrl, hop.id());
    }

    private Map<String, Object> payload(String event, Traceback traceback, Hop hop, String link) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("callingNumber", traceback.callingNumber());
        call.put("calledNumber", traceback.calledNumber());
        call.put("callTime", traceback.callTime().toString());
        call.put("attestation", traceback.attestation());
        call.put("originationId", traceback.originationId());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event", event);
        payload.put("hopId", hop.id().toString());
        payload.put("tracebackReference", traceback.reference());
        payload.put("hopNumber", hop.number());
        payload.put("call", call);
        payload.put("deadline", hop.deadline().toString());
        payload.put("responseUrl", baseUrl + "/api/v1/hops/" + hop.id() + "/response");
        payload.put("portalUrl", link);
        return payload;
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
