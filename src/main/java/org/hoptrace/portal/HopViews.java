package org.hoptrace.portal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.hoptrace.document.Document;
import org.hoptrace.traceback.Hop;
import org.hoptrace.traceback.HopAnswer;
import org.hoptrace.traceback.Traceback;

/** What the hop API answers: a hop with its call and deadline, a recorded answer, its evidence. */
final class HopViews {

    private HopViews() {
    }

    @Schema(name = "Hop", description = "A hop: the call you are asked about, the deadline and your answer if you sent one")
    record HopView(UUID hopId, String tracebackReference, int hopNumber, UUID providerId,
                   @Schema(allowableValues = {"requested", "answered", "non-responsive", "cancelled"}) String status,
                   CallView call, Instant requestedAt,
                   @Schema(description = "answer by then (UTC); a later answer is still recorded, marked late")
                   Instant deadline,
                   @Schema(description = "the deadline has passed without an answer") boolean overdue,
                   @Schema(description = "your recorded answer; absent until you answer") AnswerView answer,
                   @Schema(description = "where to POST the answer") String responseUrl) {

        static HopView of(Hop hop, Traceback traceback, AnswerView answer, Instant now) {
            return new HopView(hop.id(), traceback.reference(), hop.number(), hop.providerId(), hop.status().code(),
                    CallView.of(traceback), hop.requestedAt(), hop.deadline(), hop.overdueAt(now), answer,
                    "/api/v1/hops/" + hop.id() + "/response");
        }
    }

    @Schema(name = "Call", description = "The call traced back; times in UTC")
    record CallView(String callingNumber, String calledNumber, Instant callTime,
                    @Schema(description = "STIR/SHAKEN attestation A, B or C, if the call was signed") String attestation,
                    @Schema(description = "STIR/SHAKEN origination id, if known") String originationId) {

        static CallView of(Traceback traceback) {
            return new CallView(traceback.callingNumber(), traceback.calledNumber(), traceback.callTime(),
                    traceback.attestation(), traceback.originationId());
        }
    }

    @Schema(name = "HopAnswer", description = "An answer as recorded. Sending the identical answer again returns it unchanged.")
    record AnswerView(UUID hopId,
                      @Schema(allowableValues = {"upstream-registered", "upstream-unregistered", "origin", "not-found"})
                      String type,
                      @Schema(description = "the upstream provider; for upstream-unregistered the id Hoptrace gave it")
                      UUID upstreamProviderId,
                      String upstreamName, String upstreamEmail, String upstreamPhone, String upstreamCountry,
                      String customerName, String customerDetails, String explanation, String comment,
                      @Schema(allowableValues = {"api", "portal"}) String channel,
                      Instant receivedAt,
                      @Schema(description = "true when the answer arrived after the deadline") boolean late,
                      List<EvidenceView> evidence) {

        static AnswerView of(HopAnswer answer, List<Document> evidence, String hrefBase) {
            return new AnswerView(answer.hopId(), answer.type().code(), answer.upstreamProviderId(),
                    answer.upstreamName(), answer.upstreamEmail(), answer.upstreamPhone(), answer.upstreamCountry(),
                    answer.customerName(), answer.customerDetails(), answer.explanation(), answer.comment(),
                    answer.channel(), answer.receivedAt(), answer.late(),
                    evidence.stream().map(document -> EvidenceView.of(document, hrefBase)).toList());
        }
    }

    @Schema(name = "Evidence", description = "A document sent with the answer; mediaType as detected from the content")
    record EvidenceView(UUID documentId, String filename,
                        @Schema(allowableValues = {"application/pdf", "text/csv"}) String mediaType,
                        long sizeBytes, String sha256,
                        @Schema(description = "download address") String href) {

        static EvidenceView of(Document document, String hrefBase) {
            return new EvidenceView(document.id(), document.filename(), document.mediaType(), document.sizeBytes(),
                    document.sha256(), hrefBase + document.id());
        }
    }
}
