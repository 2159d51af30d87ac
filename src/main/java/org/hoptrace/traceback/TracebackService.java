package org.hoptrace.traceback;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.hoptrace.provider.ProviderRepository;
import org.hoptrace.workflow.NotFoundException;
import org.hoptrace.workflow.WorkflowEngine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What staff and the API do to tracebacks: open one, cancel it, re-send a request, reopen a hop. */
@Service
public class TracebackService {

    /** The BPMN process id of bpmn/traceback.bpmn. */
    public static final String PROCESS_ID = "traceback";

    private final TracebackRepository tracebacks;
    private final ProviderRepository providers;
    private final WorkflowEngine engine;
    private final TracebackSettings settings;
    private final HopRequests requests;
    private final AnsweringHop answering;

    TracebackService(TracebackRepository tracebacks, ProviderRepository providers, WorkflowEngine engine,
                     TracebackSettings settings, HopRequests requests, AnsweringHop answering) {
        this.tracebacks = tracebacks;
        this.providers = providers;
        this.engine = engine;
        this.settings = settings;
        this.requests = requests;
        this.answering = answering;
    }

    /** Records the traceback and starts its process, which asks the terminating provider first. */
    @Transactional
    public Traceback open(NewTraceback call, String createdBy) {
        providers.get(call.terminatingProviderId());
        Traceback traceback = tracebacks.insert(call, createdBy);
        String instance = engine.startProcess(PROCESS_ID, startVariables(traceback.id(), null)).processInstanceKey();
        tracebacks.setProcessInstance(traceback.id(), instance);
        return tracebacks.get(traceback.id());
    }

    /** Stops a running traceback: its process ends, its open hops are cancelled. */
    @Transactional
    public Traceback cancel(UUID tracebackId, String reason) {
        Traceback traceback = tracebacks.get(tracebackId);
        if (traceback.status() != Traceback.Status.OPEN) {
            throw new TracebackStateException("traceback " + traceback.reference() + " has ended already ("
                    + traceback.outcome().code() + ")");
        }
        if (traceback.processInstanceKey() != null) {
            try {
                engine.cancelProcessInstance(traceback.processInstanceKey());
            } catch (NotFoundException finishedMeanwhile) {
                // the process ended between reading and cancelling: the outcome it recorded stands
                return tracebacks.get(tracebackId);
            }
        }
        tracebacks.cancelOpenHops(tracebackId);
        tracebacks.complete(tracebackId, Traceback.Outcome.CANCELLED, reason);
        return tracebacks.get(tracebackId);
    }

    /** Sends a waiting hop's request again (email and webhook), with the same deadline. */
    @Transactional
    public Hop resend(UUID hopId) {
        Hop hop = tracebacks.getHop(hopId);
        if (hop.status() != Hop.Status.REQUESTED) {
            throw new TracebackStateException("hop " + hop.number() + " is " + hop.status().code() + ", not waiting for an answer");
        }
        if (hop.deadline() == null) {
            throw new TracebackStateException("hop " + hop.number() + "'s first request is still being sent; try again shortly");
        }
        requests.send(hop, "resend-" + System.nanoTime());
        return hop;
    }

    /**
     * Asks a non-responsive or cancelled hop's provider again, with a new deadline, in a new process
     * instance of its traceback. A late answer recorded meanwhile is routed at once.
     */
    @Transactional
    public Traceback reopen(UUID hopId) {
        Hop hop = tracebacks.getHop(hopId);
        if (hop.status() != Hop.Status.NON_RESPONSIVE && hop.status() != Hop.Status.CANCELLED) {
            throw new TracebackStateException("hop " + hop.number() + " is " + hop.status().code()
                    + "; only non-responsive or cancelled hops can be reopened");
        }
        Traceback traceback = tracebacks.get(hop.tracebackId());
        if (!tracebacks.hops(traceback.id()).stream().allMatch(h -> h.number() <= hop.number())) {
            throw new TracebackStateException("hop " + hop.number() + " is not the last hop of " + traceback.reference());
        }
        Hop reopened = tracebacks.rerequest(hopId);
        tracebacks.reopen(traceback.id());
        String instance = engine.startProcess(PROCESS_ID, startVariables(traceback.id(), hopId)).processInstanceKey();
        tracebacks.setProcessInstance(traceback.id(), instance);
        tracebacks.answer(hopId).ifPresent(late -> {
            tracebacks.markAnswered(hopId, late.receivedAt());
            engine.publishMessage(answering.responseMessage(reopened, late.type(), late.upstreamProviderId()));
        });
        return tracebacks.get(traceback.id());
    }

    private Map<String, Object> startVariables(UUID tracebackId, UUID reopenHopId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("tracebackId", tracebackId.toString());
        variables.put("maxHops", settings.maxHops());
        if (reopenHopId != null) {
            variables.put("reopenHopId", reopenHopId.toString());
        }
        return variables;
    }
}
