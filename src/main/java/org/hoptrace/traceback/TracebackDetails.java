package org.hoptrace.traceback;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.hoptrace.provider.ProviderRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads a traceback with its hop chain, answers and evidence, by id or by reference. */
@Component
class TracebackDetails {

    private final TracebackRepository tracebacks;
    private final ProviderRepository providers;
    private final HopEvidence evidence;
    private final Clock clock;

    TracebackDetails(TracebackRepository tracebacks, ProviderRepository providers, HopEvidence evidence,
                     Clock clock) {
        this.tracebacks = tracebacks;
        this.providers = providers;
        this.evidence = evidence;
        this.clock = clock;
    }

    /** The traceback with this id (uuid) or reference ({@code TB-2026-000123}, any case). */
    public Traceback resolve(String idOrReference) {
        String given = idOrReference.strip();
        try {
            return tracebacks.get(UUID.fromString(given));
        } catch (IllegalArgumentException notAUuid) {
            return tracebacks.findByReference(given.toUpperCase(Locale.ROOT))
                    .orElseThrow(() -> new UnknownTracebackException(given));
        }
    }

    /** Hop {@code number} (1 = the terminating provider's) of a traceback. */
    public Hop hop(Traceback traceback, int number) {
        return tracebacks.hops(traceback.id()).stream().filter(hop -> hop.number() == number).findFirst()
                .orElseThrow(() -> new UnknownHopException(traceback.reference(), number));
    }

    @Transactional(readOnly = true)
    public TracebackDetail of(String idOrReference) {
        return of(resolve(idOrReference));
    }

    @Transactional(readOnly = true)
    public TracebackDetail of(Traceback t) {
        Instant now = clock.instant();
        Map<UUID, ProviderRef> known = new HashMap<>();
        List<TracebackDetail.HopDetail> hops = tracebacks.hops(t.id()).stream()
                .map(hop -> new TracebackDetail.HopDetail(hop.id(), hop.number(), provider(known, hop.providerId()),
                        hop.status().code(), hop.requestedAt(), hop.deadline(), hop.answeredAt(), hop.requestCount(),
                        t.status() == Traceback.Status.OPEN && hop.overdueAt(now),
                        tracebacks.answer(hop.id()).map(answer -> summary(known, answer)).orElse(null),
                        evidence(hop.id())))
                .toList();
        return new TracebackDetail(t.id(), t.reference(), t.callingNumber(), t.calledNumber(), t.callTime(),
                t.campaign(), t.attestation(), t.originationId(), t.terminatingProviderId(),
                provider(known, t.terminatingProviderId()), t.priority().code(), t.status().code(),
                t.outcome() == null ? null : t.outcome().code(), t.outcomeReason(), t.createdBy(), t.createdAt(),
                t.completedAt(), hops.stream().anyMatch(TracebackDetail.HopDetail::overdue), hops);
    }

    private TracebackDetail.AnswerSummary summary(Map<UUID, ProviderRef> known, HopAnswer answer) {
        ProviderRef upstream = answer.upstreamProviderId() != null ? provider(known, answer.upstreamProviderId())
                : answer.upstreamName() == null ? null : new ProviderRef(null, answer.upstreamName(), answer.upstreamCountry());
        return new TracebackDetail.AnswerSummary(answer.type().code(), upstream, answer.customerName(),
                answer.customerDetails(), answer.explanation(), answer.comment(), answer.late(), answer.channel(),
                answer.answeredBy(), answer.receivedAt(), answer.markedInsufficientAt() == null ? null
                        : new TracebackDetail.Insufficient(answer.insufficientReason(), answer.markedInsufficientBy(),
                        answer.markedInsufficientAt()));
    }

    private ProviderRef provider(Map<UUID, ProviderRef> known, UUID id) {
        return known.computeIfAbsent(id, key -> ProviderRef.of(providers.get(key)));
    }

    private List<TracebackDetail.Evidence> evidence(UUID hopId) {
        return evidence.documents(hopId).stream()
                .map(d -> new TracebackDetail.Evidence(d.id(), d.filename(), d.mediaType(), d.sizeBytes(), d.sha256(),
                        "/api/v1/hops/" + hopId + "/evidence/" + d.id()))
                .toList();
    }
}
