package org.hoptrace.traceback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hoptrace.document.DocumentStore;
import org.hoptrace.document.Upload;
import org.hoptrace.provider.Provider;
import org.hoptrace.provider.ProviderRepository;
import org.hoptrace.traceback.AnswerRejectedException.Reason;
import org.hoptrace.workflow.MessagePublication;
import org.hoptrace.workflow.WorkflowEngine;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a provider's answer to a hop and hands it to the traceback process (message
 * {@value #MESSAGE}, correlation key = hop id), in one transaction. An identical second answer
 * changes nothing; a different one is refused; an answer after the deadline is kept and marked late.
 * Evidence files are stored and attached to the hop in the same transaction: a refused answer stores none.
 */
@Service
public class AnsweringHop {

    /** The message the traceback process waits for at each hop. */
    public static final String MESSAGE = "hop-response";
    /** How long an answer waits for the process to reach the hop's receive task. */
    static final Duration MESSAGE_TIME_TO_LIVE = Duration.ofDays(30);

    public enum Result { RECORDED, RECORDED_LATE, ALREADY_RECORDED }

    private final TracebackRepository tracebacks;
    private final ProviderRepository providers;
    private final WorkflowEngine engine;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DocumentStore documents;
    private final HopEvidence evidence;
    private final ApplicationEventPublisher events;

    AnsweringHop(TracebackRepository tracebacks, ProviderRepository providers, WorkflowEngine engine,
                 JdbcTemplate jdbc, Clock clock, DocumentStore documents, HopEvidence evidence,
                 ApplicationEventPublisher events) {
        this.tracebacks = tracebacks;
        this.providers = providers;
        this.engine = engine;
        this.jdbc = jdbc;
        this.clock = clock;
        this.documents = documents;
        this.evidence = evidence;
        this.events = events;
    }

    /**
     * @param answeringProviderId the provider the caller has proven to be (API credentials, login or
     *                            a response link for this hop): it must be the hop's provider
     * @param channel             {@code portal} or {@code api}
     */
    @Transactional
    public Result answer(UUID hopId, UUID answeringProviderId, AnswerContent content, String channel, String answeredBy) {
        return answer(hopId, answeringProviderId, content, List.of(), channel, answeredBy);
    }

    /**
     * As {@link #answer(UUID, UUID, AnswerContent, String, String)}, with evidence files checked by
     * {@link DocumentStore#inspect}. The files are part of the answer: sending the same content with the
     * same files again is the identical answer, with other files a different one.
     */
    @Transactional
    public Result answer(UUID hopId, UUID answeringProviderId, AnswerContent content, List<Upload> evidenceFiles,
                         String channel, String answeredBy) {
        Hop hop = lockHop(hopId);
        if (!hop.providerId().equals(answeringProviderId)) {
            throw new AnswerRejectedException(Reason.NOT_YOUR_HOP, "hop " + hopId + " was not sent to this provider");
        }
        Map<String, String> problems = content.problems();
        if (content.type() == HopAnswer.Type.UPSTREAM_REGISTERED && problems.isEmpty()
                && providers.find(content.upstreamProviderId()).isEmpty()) {
            problems = Map.of("upstreamProviderId", "no registered provider has id " + content.upstreamProviderId());
        }
        if (!problems.isEmpty()) {
            throw new AnswerRejectedException(Reason.INVALID, "the answer is incomplete", problems);
        }
        String fingerprint = fingerprint(content, evidenceFiles);
        var previous = tracebacks.answer(hopId);
        if (previous.isPresent()) {
            if (previous.get().fingerprint().equals(fingerprint)) {
                return Result.ALREADY_RECORDED;
            }
            throw new AnswerRejectedException(Reason.CONFLICT, "hop " + hopId + " has been answered differently already");
        }
        if (hop.status() == Hop.Status.CANCELLED) {
            throw new AnswerRejectedException(Reason.HOP_CLOSED, "the traceback of hop " + hopId + " was cancelled");
        }
        Instant now = clock.instant();
        boolean late = hop.status() == Hop.Status.NON_RESPONSIVE || (hop.deadline() != null && now.isAfter(hop.deadline()));
        UUID upstream = upstreamOf(content);
        insertAnswer(hopId, content, upstream, channel, answeredBy, now, late, fingerprint);
        for (Upload file : evidenceFiles) {
            evidence.attach(hopId, documents.store(file, answeredBy).id());
        }
        events.publishEvent(new HopAnswered(hopId, hop.providerId(), late));
        if (hop.status() == Hop.Status.REQUESTED) {
            tracebacks.markAnswered(hopId, now);
            engine.publishMessage(responseMessage(hop, content.type(), upstream));
        }
        return late ? Result.RECORDED_LATE : Result.RECORDED;
    }

    /** The message that tells the process how the hop was answered; also used when a hop is reopened. */
    MessagePublication responseMessage(Hop hop, HopAnswer.Type type, UUID upstream) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("answerType", type.code());
        variables.put("upstreamProviderId", upstream == null ? null : upstream.toString());
        boolean foreign = false;
        boolean seenBefore = false;
        if (upstream != null) {
            foreign = providers.get(upstream).isForeign();
            seenBefore = tracebacks.providerChain(hop.tracebackId()).contains(upstream);
        }
        variables.put("upstreamForeign", foreign);
        variables.put("upstreamSeenBefore", seenBefore);
        return MessagePublication.of(MESSAGE, hop.id().toString(), variables)
                .withTimeToLive(MESSAGE_TIME_TO_LIVE)
                .withMessageId(hop.id() + ":" + hop.requestCount());
    }

    /** The content's fingerprint; with evidence, over the content's and the files' SHA-256 in a fixed order. */
    private static String fingerprint(AnswerContent content, List<Upload> evidenceFiles) {
        if (evidenceFiles.isEmpty()) {
            return content.fingerprint();
        }
        String files = String.join(",", evidenceFiles.stream().map(Upload::sha256).sorted().toList());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((content.fingerprint() + "\u001e" + files).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Hop lockHop(UUID hopId) {
        jdbc.query("select 1 from hop where hop_id = ? for update", rs -> { }, hopId);
        return tracebacks.getHop(hopId);
    }

    /** The upstream provider the answer names; an unregistered one is added to the registry, unvetted. */
    private UUID upstreamOf(AnswerContent content) {
        return switch (content.type()) {
            case UPSTREAM_REGISTERED -> content.upstreamProviderId();
            case UPSTREAM_UNREGISTERED -> providers.insert(new Provider(null, content.upstreamName().strip(), null, null,
                    content.upstreamCountry(), Provider.Role.UNKNOWN, java.util.List.of(content.upstreamEmail().strip()),
                    content.upstreamPhone(), null, null, null, false, null, null)).id();
            case ORIGIN, NOT_FOUND -> null;
        };
    }

    private void insertAnswer(UUID hopId, AnswerContent c, UUID upstream, String channel, String answeredBy,
                              Instant now, boolean late, String fingerprint) {
        jdbc.update("""
                insert into hop_answer (hop_id, answer_type, upstream_provider_id, upstream_name, upstream_email,
                                        upstream_phone, upstream_country, customer_name, customer_details, explanation,
                                        comment, channel, answered_by, received_at, late, fingerprint)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                hopId, c.type().code(), upstream, c.upstreamName(), c.upstreamEmail(), c.upstreamPhone(),
                c.upstreamCountry(), c.customerName(), c.customerDetails(), c.explanation(), c.comment(), channel,
                answeredBy, Timestamp.from(now), late, fingerprint);
    }
}
