package org.hoptrace.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.hoptrace.HoptraceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who gets a notice ({@link AgencyRepository#recipients}): active agencies of the asked types that want the
 * notice, nationwide ones always, state ones when a state overlaps. Other tests' agencies share the
 * database, so each test looks only at the agencies it made.
 */
@HoptraceTest
class AgencyRecipientsTest {

    private static final Set<Agency.Notice> BOTH = EnumSet.allOf(Agency.Notice.class);
    private static final Set<Agency.Notice> REFERRALS = EnumSet.of(Agency.Notice.NON_COOPERATION_REFERRAL);
    private static final Set<Agency.Notice> ALERTS = EnumSet.of(Agency.Notice.CAMPAIGN_ALERT);
    private static final Set<Agency.Type> ALL_TYPES = EnumSet.allOf(Agency.Type.class);

    @Autowired
    AgencyRepository agencies;

    @Autowired
    AgencyService service;

    @Autowired
    AgencyFixtures fixtures;

    String token;
    Agency illinois;
    Agency newYorkAndNewJersey;
    Agency fcc;
    Agency ftcAlertsOnly;
    Agency texasRegulator;

    @BeforeEach
    void registry() {
        token = AgencyFixtures.name("Recipients");
        illinois = fixtures.agency(token + " Illinois AG", Agency.Type.STATE_ATTORNEY_GENERAL, Set.of("IL"), BOTH);
        newYorkAndNewJersey = fixtures.agency(token + " Port Authority Police", Agency.Type.LOCAL_LAW_ENFORCEMENT,
                Set.of("NY", "NJ"), REFERRALS);
        fcc = fixtures.agency(token + " FCC", Agency.Type.FCC, Set.of(), BOTH);
        ftcAlertsOnly = fixtures.agency(token + " FTC", Agency.Type.FTC, Set.of(), ALERTS);
        texasRegulator = fixtures.agency(token + " Texas PUC", Agency.Type.STATE_REGULATOR, Set.of("TX"), REFERRALS);
    }

    @AfterEach
    void deactivate() {
        fixtures.deactivateAll();
    }

    @Test
    void aStateAgencyGetsANoticeWhenOneOfItsStatesIsAmongTheCalledStates() {
        assertThat(mine(ALL_TYPES, List.of("IL"), Agency.Notice.NON_COOPERATION_REFERRAL))
                .containsExactly(names(fcc, illinois));
        assertThat(mine(ALL_TYPES, List.of("nj", "CA"), Agency.Notice.NON_COOPERATION_REFERRAL))
                .as("state codes in any case").containsExactly(names(fcc, newYorkAndNewJersey));
        assertThat(mine(ALL_TYPES, List.of("CA", "OR"), Agency.Notice.NON_COOPERATION_REFERRAL))
                .as("no overlap: only the nationwide ones").containsExactly(names(fcc));
    }

    @Test
    void aNationwideAgencyGetsTheNoticeWhateverTheStatesEvenNone() {
        assertThat(mine(ALL_TYPES, List.of(), Agency.Notice.CAMPAIGN_ALERT)).containsExactly(names(fcc, ftcAlertsOnly));
        assertThat(mine(ALL_TYPES, List.of("TX"), Agency.Notice.CAMPAIGN_ALERT)).containsExactly(names(fcc, ftcAlertsOnly));
    }

    @Test
    void onlyAgenciesThatWantTheNoticeGetIt() {
        assertThat(mine(ALL_TYPES, List.of("IL", "NY", "TX"), Agency.Notice.CAMPAIGN_ALERT))
                .containsExactly(names(fcc, ftcAlertsOnly, illinois));
        assertThat(mine(ALL_TYPES, List.of("IL", "NY", "TX"), Agency.Notice.NON_COOPERATION_REFERRAL))
                .containsExactly(names(fcc, illinois, newYorkAndNewJersey, texasRegulator));
    }

    @Test
    void onlyAgenciesOfTheAskedTypesGetIt() {
        assertThat(mine(EnumSet.of(Agency.Type.STATE_ATTORNEY_GENERAL, Agency.Type.FTC), List.of("IL", "TX"),
                Agency.Notice.CAMPAIGN_ALERT)).containsExactly(names(ftcAlertsOnly, illinois));
        assertThat(mine(EnumSet.of(Agency.Type.STATE_REGULATOR), List.of("IL"), Agency.Notice.NON_COOPERATION_REFERRAL))
                .isEmpty();
        assertThat(agencies.recipients(List.of(), List.of("IL"), Agency.Notice.CAMPAIGN_ALERT)).isEmpty();
    }

    @Test
    void aDeactivatedAgencyGetsNoNoticeUntilItIsActivatedAgain() {
        service.deactivate(illinois.id());
        service.deactivate(fcc.id());

        assertThat(mine(ALL_TYPES, List.of("IL"), Agency.Notice.NON_COOPERATION_REFERRAL)).isEmpty();
        assertThat(mine(ALL_TYPES, List.of("IL"), Agency.Notice.CAMPAIGN_ALERT)).containsExactly(names(ftcAlertsOnly));

        service.activate(illinois.id());

        assertThat(mine(ALL_TYPES, List.of("IL"), Agency.Notice.NON_COOPERATION_REFERRAL)).containsExactly(names(illinois));
    }

    @Test
    void aChangedAgencyIsChosenByItsNewJurisdictionAndNotices() {
        service.update(texasRegulator.id(), new AgencyDraft(texasRegulator.name(), "state-regulator", List.of("OK", "TX"),
                texasRegulator.contactEmails(), List.of("campaign-alert"), List.of()));

        assertThat(mine(ALL_TYPES, List.of("OK"), Agency.Notice.CAMPAIGN_ALERT))
                .containsExactly(names(fcc, ftcAlertsOnly, texasRegulator));
        assertThat(mine(ALL_TYPES, List.of("TX"), Agency.Notice.NON_COOPERATION_REFERRAL)).containsExactly(names(fcc));
    }

    @Test
    void agenciesWithAVerifiedDomainAreFoundByIt() {
        String domain = illinois.verifiedDomains().get(0);

        assertThat(agencies.withVerifiedDomain(domain.toUpperCase())).extracting(Agency::id).containsExactly(illinois.id());
        assertThat(agencies.withVerifiedDomain("sub." + domain)).isEmpty();
        service.deactivate(illinois.id());
        assertThat(agencies.withVerifiedDomain(domain)).isEmpty();
    }

    /** The names of the recipients among this test's agencies, in the repository's order (by name). */
    private List<String> mine(Collection<Agency.Type> types, Collection<String> states, Agency.Notice notice) {
        return agencies.recipients(types, states, notice).stream().map(Agency::name).filter(name -> name.startsWith(token))
                .toList();
    }

    private static String[] names(Agency... expected) {
        return Arrays.stream(expected).map(Agency::name).toArray(String[]::new);
    }
}
