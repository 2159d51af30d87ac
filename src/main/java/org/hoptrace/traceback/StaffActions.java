package org.hoptrace.traceback;

import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;

/**
 * What ITG staff do to a running traceback from the console or the API, addressed the way people
 * name things (reference or id, hop number): cancel it, re-send a hop's request, reopen a hop.
 * Each returns the traceback as it is afterwards; an action its state does not allow throws
 * {@link TracebackStateException}.
 */
@Service
class StaffActions {

    private static final Logger log = LoggerFactory.getLogger(StaffActions.class);
    static final int MAX_REASON_LENGTH = 400;
    static final int MAX_INSUFFICIENT_REASON_LENGTH = 500;
    private static final int CANCEL_ATTEMPTS = 5;

    private final TracebackService service;
    private final TracebackDetails details;
    private final TracebackRepository tracebacks;

    StaffActions(TracebackService service, TracebackDetails details, TracebackRepository tracebacks) {
        this.service = service;
        this.details = details;
        this.tracebacks = tracebacks;
    }

    /**
     * Cancels an open traceback; the reason is kept with the name of who cancelled it. A worker
     * finishing a job of the traceback at the same moment makes the engine refuse the cancel; it is
     * then tried again, in a new transaction, a few times.
     */
    public TracebackDetail cancel(String idOrReference, String reason, String user) {
        String given = reason == null ? "" : reason.strip();
        if (given.isEmpty() || given.length() > MAX_REASON_LENGTH) {
            throw new InvalidTracebackRequestException(Map.of("reason",
                    "give a reason for cancelling, up to " + MAX_REASON_LENGTH + " characters"));
        }
        Traceback traceback = details.resolve(idOrReference);
        for (int attempt = 1; ; attempt++) {
            try {
                service.cancel(traceback.id(), "%s (cancelled by %s)".formatted(given, user));
                break;
            } catch (ConcurrencyFailureException collision) {
                if (attempt == CANCEL_ATTEMPTS) {
                    throw collision;
                }
                log.debug("Cancelling {} collided with a job, trying again", traceback.reference());
            }
        }
        log.info("{} cancelled traceback {}", user, traceback.reference());
        return details.of(traceback.id().toString());
    }

    /** Sends the request of a hop that waits for an answer again, with the same deadline. */
    public TracebackDetail resend(String idOrReference, int hopNumber, String user) {
        Traceback traceback = details.resolve(idOrReference);
        service.resend(details.hop(traceback, hopNumber).id());
        log.info("{} re-sent the request of {} hop {}", user, traceback.reference(), hopNumber);
        return details.of(traceback.id().toString());
    }

    /**
     * Marks a hop's answer insufficient, e.g. records that do not show the upstream; it then counts
     * against the provider's cooperation record. Marking again replaces the reason.
     */
    public TracebackDetail markInsufficient(UUID hopId, String reason, String user) {
        Hop hop = tracebacks.getHop(hopId);
        String given = reason == null ? "" : reason.strip();
        if (given.isEmpty() || given.length() > MAX_INSUFFICIENT_REASON_LENGTH) {
            throw new InvalidTracebackRequestException(Map.of("reason",
                    "say why the answer is insufficient, up to " + MAX_INSUFFICIENT_REASON_LENGTH + " characters"));
        }
        if (!tracebacks.markInsufficient(hopId, given, user)) {
            throw new TracebackStateException("hop " + hop.number() + " has no answer to mark insufficient");
        }
        log.info("{} marked the answer of hop {} insufficient", user, hopId);
        return details.of(hop.tracebackId().toString());
    }

    /** Marks a hop's answer insufficient, the hop named by its traceback and number. */
    public TracebackDetail markInsufficient(String idOrReference, int hopNumber, String reason, String user) {
        return markInsufficient(details.hop(details.resolve(idOrReference), hopNumber).id(), reason, user);
    }

    /** Takes the insufficient mark off a hop's answer. */
    public TracebackDetail clearInsufficient(UUID hopId, String user) {
        Hop hop = tracebacks.getHop(hopId);
        if (!tracebacks.clearInsufficient(hopId)) {
            throw new TracebackStateException("hop " + hop.number() + " has no answer");
        }
        log.info("{} cleared the insufficient mark of hop {}", user, hopId);
        return details.of(hop.tracebackId().toString());
    }

    public TracebackDetail clearInsufficient(String idOrReference, int hopNumber, String user) {
        return clearInsufficient(details.hop(details.resolve(idOrReference), hopNumber).id(), user);
    }

    /** Asks the provider of the last hop again, when it was non-responsive or cancelled, with a new deadline. */
    public TracebackDetail reopen(String idOrReference, int hopNumber, String user) {
        Traceback traceback = details.resolve(idOrReference);
        service.reopen(details.hop(traceback, hopNumber).id());
        log.info("{} reopened {} hop {}", user, traceback.reference(), hopNumber);
        return details.of(traceback.id().toString());
    }
}
