package org.hoptrace.escalation;

import java.util.List;
import java.util.UUID;

import org.hoptrace.provider.Provider;
import org.hoptrace.provider.ProviderRepository;
import org.hoptrace.workflow.JobWorker;
import org.springframework.stereotype.Component;

/**
 * Job {@code escalation-referral-facts}: what dmn/escalation-routing.dmn decides on (the provider's
 * role, foreign origin, whether the called parties' states are known, a repeat case) and the states.
 */
@Component
class ReferralFactsWorker {

    private final ProviderRepository providers;
    private final ProviderRecord record;
    private final EscalationRepository escalations;

    ReferralFactsWorker(ProviderRepository providers, ProviderRecord record, EscalationRepository escalations) {
        this.providers = providers;
        this.record = record;
        this.escalations = escalations;
    }

    record Input(UUID escalationId) {
    }

    record Facts(String providerRole, boolean foreignOrigin, List<String> calledStates, boolean calledStatesKnown,
                 boolean repeatCase) {
    }

    @JobWorker(type = "escalation-referral-facts")
    Facts gather(Input input) {
        Escalation escalation = escalations.get(input.escalationId());
        Provider provider = providers.get(escalation.providerId());
        List<String> states = record.calledStates(provider.id());
        boolean repeat = escalations.earlierEscalations(provider.id(), escalation.id(), record.windowStart()) > 0;
        return new Facts(provider.role().code(), record.foreignOrigin(provider.id(), provider.isForeign()), states,
                !states.isEmpty(), repeat);
    }
}
