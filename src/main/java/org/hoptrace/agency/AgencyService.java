package org.hoptrace.agency;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff do with the agency registry: register an agency, change it, take it out of use and back.
 * Agencies are never deleted: escalation notices and legal requests refer to them.
 */
@Service
public class AgencyService {

    private final AgencyRepository agencies;

    AgencyService(AgencyRepository agencies) {
        this.agencies = agencies;
    }

    /**
     * Registers an active agency.
     *
     * @throws InvalidAgencyException    the draft breaks a rule
     * @throws AgencyNameTakenException another agency has the name
     */
    @Transactional
    public Agency create(AgencyDraft draft) {
        return create(null, draft);
    }

    /** As {@link #create(AgencyDraft)} with a given id (e.g. demo data that must be found again). */
    @Transactional
    Agency create(UUID id, AgencyDraft draft) {
        AgencyDraft valid = validated(draft.normalised(), null);
        return saving(valid, () -> agencies.insert(agency(id, valid, true)));
    }

    /**
     * Replaces the editable fields; whether the agency is active stays as it is.
     *
     * @throws UnknownAgencyException   there is no such agency
     * @throws InvalidAgencyException    the draft breaks a rule
     * @throws AgencyNameTakenException another agency has the name
     */
    @Transactional
    public Agency update(UUID id, AgencyDraft draft) {
        Agency current = agencies.get(id);
        AgencyDraft valid = validated(draft.normalised(), id);
        return saving(valid, () -> agencies.update(agency(id, valid, current.active())));
    }

    /** Takes an agency out of use: it gets no notices from now on. Deactivating twice changes nothing. */
    @Transactional
    public Agency deactivate(UUID id) {
        agencies.get(id);
        return agencies.setActive(id, false);
    }

    /** Puts a deactivated agency back into use. Activating an active agency changes nothing. */
    @Transactional
    public Agency activate(UUID id) {
        agencies.get(id);
        return agencies.setActive(id, true);
    }

    /** The normalised draft if it may be saved as agency {@code id} (null: a new agency). */
    private AgencyDraft validated(AgencyDraft normalised, UUID id) {
        Map<String, String> problems = normalised.problems();
        if (!problems.isEmpty()) {
            throw new InvalidAgencyException(problems);
        }
        agencies.findByName(normalised.name()).filter(other -> !other.id().equals(id)).ifPresent(other -> {
            throw new AgencyNameTakenException(other.name(), other.id());
        });
        return normalised;
    }

    /**
     * Saves; another agency registered with the name at the same moment (the unique index on the name
     * refuses the second) is a taken name too.
     */
    private static Agency saving(AgencyDraft valid, Supplier<Agency> save) {
        try {
            return save.get();
        } catch (DuplicateKeyException e) {
            throw new AgencyNameTakenException(valid.name(), null);
        }
    }

    private static Agency agency(UUID id, AgencyDraft valid, boolean active) {
        return new Agency(id, valid.name(), valid.typeValue(), Set.copyOf(valid.jurisdictionStates()),
                valid.contactEmails(), valid.noticeValues(), valid.verifiedDomains(), active, null, null);
    }
}
