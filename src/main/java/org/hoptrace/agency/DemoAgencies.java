package org.hoptrace.agency;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Nine fictional agencies to try referrals and alerts with, created when {@code hoptrace.demo-data} is
 * true: five state attorneys general, a state regulator, the FCC, the FTC and a DOJ branch, all with
 * {@code .example} addresses. Each has a fixed id: one that exists already (even renamed or deactivated
 * by staff), or whose name another agency has, is left alone, so restarts change nothing.
 */
@Component
@ConditionalOnProperty(name = "hoptrace.demo-data", havingValue = "true", matchIfMissing = true)
class DemoAgencies implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAgencies.class);

    private static final List<String> BOTH = List.of("non-cooperation-referral", "campaign-alert");
    private static final List<String> REFERRALS = List.of("non-cooperation-referral");

    record Demo(UUID id, AgencyDraft draft) {
    }

    static final List<Demo> AGENCIES = List.of(
            attorneyGeneral(1, "Illinois", "IL", "il"),
            attorneyGeneral(2, "New York", "NY", "ny"),
            attorneyGeneral(3, "California", "CA", "ca"),
            attorneyGeneral(4, "Texas", "TX", "tx"),
            attorneyGeneral(5, "Ohio", "OH", "oh"),
            demo(6, "Indiana Utility Regulatory Commission", "state-regulator", List.of("IN"), "telecom@iurc-in.example",
                    REFERRALS, "iurc-in.example"),
            demo(7, "FCC Enforcement Bureau", "fcc", List.of(), "robocall-referrals@fcc-eb.example", BOTH, "fcc-eb.example"),
            demo(8, "Federal Trade Commission", "ftc", List.of(), "robocalls@ftc-demo.example", BOTH, "ftc-demo.example"),
            demo(9, "DOJ Consumer Protection Branch", "doj", List.of(), "cpb-referrals@doj-cpb.example", REFERRALS,
                    "doj-cpb.example"));

    private final AgencyRepository agencies;
    private final AgencyService service;

    DemoAgencies(AgencyRepository agencies, AgencyService service) {
        this.agencies = agencies;
        this.service = service;
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = 0;
        for (Demo demo : AGENCIES) {
            if (agencies.find(demo.id()).isEmpty() && agencies.findByName(demo.draft().name()).isEmpty()) {
                try {
                    service.create(demo.id(), demo.draft());
                    created++;
                } catch (DuplicateKeyException | AgencyNameTakenException e) {
                    // another instance created it at the same time
                }
            }
        }
        if (created > 0) {
            log.info("Created {} demo agencies", created);
        }
    }

    private static Demo attorneyGeneral(int number, String state, String code, String domainPart) {
        String domain = "ag-" + domainPart + ".example";
        return demo(number, state + " Attorney General", "state-attorney-general", List.of(code), "robocalls@" + domain,
                BOTH, domain);
    }

    private static Demo demo(int number, String name, String type, List<String> states, String email,
                             List<String> notices, String domain) {
        UUID id = UUID.fromString("00000000-0000-4000-a000-0000000a%04d".formatted(number));
        return new Demo(id, new AgencyDraft(name, type, states, List.of(email), notices, List.of(domain)));
    }
}
