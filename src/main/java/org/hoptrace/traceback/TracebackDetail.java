package org.hoptrace.traceback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A traceback with its hop chain, as the console's traceback page and {@code GET /api/v1/tracebacks/{id}}
 * show it. Status, outcome, priority and answer types are their codes ({@code open}, {@code origin-found}, ...).
 *
 * @param overdue a hop is waiting past its deadline
 */
public record TracebackDetail(UUID id, String reference, String callingNumber, String calledNumber, Instant callTime,
                              String campaign, String attestation, String originationId, UUID terminatingProviderId,
                              ProviderRef terminatingProvider, String priority, String status, String outcome,
                              String outcomeReason, String createdBy, Instant createdAt, Instant completedAt,
                              boolean overdue, List<HopDetail> hops) {

    /**
     * One hop of the chain.
     *
     * @param requestCount 1, plus one for each time staff reopened the hop
     * @param overdue      waiting for an answer past its deadline
     */
    public record HopDetail(UUID id, int number, ProviderRef provider, String status, Instant requestedAt,
                            Instant deadline, Instant answeredAt, int requestCount, boolean overdue,
                            AnswerSummary answer, List<Evidence> evidence) {

        public boolean waiting() {
            return Hop.Status.REQUESTED.code().equals(status);
        }
    }

    /**
     * What the provider answered.
     *
     * @param upstream        the upstream provider it named (registered, or added unvetted from the answer)
     * @param customerName    the originating customer, for an origin answer
     * @param explanation     why the call cannot be found, for a not-found answer
     * @param late            received after the deadline
     * @param channel         {@code portal} or {@code api}
     */
    public record AnswerSummary(String type, ProviderRef upstream, String customerName, String customerDetails,
                                String explanation, String comment, boolean late, String channel, String answeredBy,
                                Instant receivedAt, Insufficient insufficient) {
    }

    /** ITG staff hold the answer insufficient: why, who, when. It counts against the provider's cooperation record. */
    public record Insufficient(String reason, String markedBy, Instant markedAt) {
    }

    public boolean open() {
        return Traceback.Status.OPEN.code().equals(status);
    }

    /** The last hop: the one a reopen applies to. */
    public HopDetail lastHop() {
        return hops.isEmpty() ? null : hops.get(hops.size() - 1);
    }

    /** Whether staff may reopen this hop: the last one, and non-responsive or cancelled. */
    public boolean reopenable(HopDetail hop) {
        return hop.number() == lastHop().number() && (Hop.Status.NON_RESPONSIVE.code().equals(hop.status())
                || Hop.Status.CANCELLED.code().equals(hop.status()));
    }

    /**
     * An evidence file of a hop's answer.
     *
     * @param href where API clients download it; the console page links its own session-authenticated path
     */
    public record Evidence(UUID id, String fileName, String mediaType, long sizeBytes, String sha256, String href) {
    }
}
