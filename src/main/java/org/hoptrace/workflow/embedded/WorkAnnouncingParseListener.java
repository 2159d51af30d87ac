package org.hoptrace.workflow.embedded;

import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.operaton.bpm.engine.impl.cfg.TransactionState;
import org.operaton.bpm.engine.impl.context.Context;
import org.operaton.bpm.engine.impl.pvm.process.ActivityImpl;
import org.operaton.bpm.engine.impl.pvm.process.ScopeImpl;
import org.operaton.bpm.engine.impl.util.xml.Element;

/**
 * Wakes Hoptrace's job fetcher when an external task is created, and its message delivery when a
 * message subscription opens, right after the transaction that did it commits. Without this, both
 * would only notice at their next poll.
 */
class WorkAnnouncingParseListener implements BpmnParseListener {

    private final ExecutionListener announceJob;
    private final ExecutionListener announceSubscription;

    WorkAnnouncingParseListener(Wakeup jobs, Wakeup subscriptions) {
        this.announceJob = afterCommit(jobs);
        this.announceSubscription = afterCommit(subscriptions);
    }

    private static ExecutionListener afterCommit(Wakeup wakeup) {
        return execution -> Context.getCommandContext().getTransactionContext()
                .addTransactionListener(TransactionState.COMMITTED, context -> wakeup.signal());
    }

    /** A message start of an event subprocess subscribes when the scope around it starts. */
    @Override
    public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl startEvent) {
        if (element.element("messageEventDefinition") != null && scope instanceof ActivityImpl eventSubprocess
                && eventSubprocess.isTriggeredByEvent()) {
            eventSubprocess.getFlowScope().addListener(ExecutionListener.EVENTNAME_START, announceSubscription);
        }
    }

    @Override
    public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        announceJob(activity);
    }

    @Override
    public void parseSendTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        announceJob(activity);
    }

    @Override
    public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        announceJob(activity);
    }

    @Override
    public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        activity.addListener(ExecutionListener.EVENTNAME_START, announceSubscription);
    }

    @Override
    public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        activity.addListener(ExecutionListener.EVENTNAME_START, announceSubscription);
    }

    @Override
    public void parseEventBasedGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
        activity.addListener(ExecutionListener.EVENTNAME_START, announceSubscription);
    }

    @Override
    public void parseBoundaryMessageEventDefinition(Element element, boolean interrupting, ActivityImpl boundary) {
        if (boundary.getEventScope() instanceof ActivityImpl host) {
            host.addListener(ExecutionListener.EVENTNAME_START, announceSubscription);
        }
    }

    private void announceJob(ActivityImpl activity) {
        activity.addListener(ExecutionListener.EVENTNAME_START, announceJob);
    }
}
