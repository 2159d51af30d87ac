package org.hoptrace.agency;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * Agencies for tests, through the real service. Agencies cannot be deleted, so a test deactivates the ones
 * it made when it ends ({@link #deactivateAll()}): other tests that send notices then do not reach them.
 */
@Component
public class AgencyFixtures {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final AgencyService service;
    private final List<UUID> made = new CopyOnWriteArrayList<>();

    AgencyFixtures(AgencyService service) {
        this.service = service;
    }

    /** A name no other test uses, starting with {@code prefix}. */
    public static String name(String prefix) {
        return prefix + " " + NAMES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An active agency with one contact and one verified domain, both at {@code <domain>.example}. */
    public Agency agency(String name, Agency.Type type, Set<String> states, Set<Agency.Notice> notices) {
        String domain = "agency" + NAMES.incrementAndGet() + ".example";
        Agency agency = service.create(new AgencyDraft(name, type.code(), List.copyOf(states),
                List.of("notices@" + domain), notices.stream().map(Agency.Notice::code).toList(), List.of(domain)));
        return track(agency);
    }

    /** Remembers an agency made some other way (e.g. through the API) to deactivate it at the end. */
    public <T> T track(T agencyOrId) {
        made.add(agencyOrId instanceof Agency agency ? agency.id() : (UUID) agencyOrId);
        return agencyOrId;
    }

    public void deactivateAll() {
        made.forEach(service::deactivate);
        made.clear();
    }
}
