package org.hoptrace.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hoptrace.HoptraceTest;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.AuthorizationService;
import org.operaton.bpm.engine.FilterService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Autowired;

@HoptraceTest
class DemoIdentitiesTest {

    @Autowired
    DemoIdentities demoIdentities;

    @Autowired
    IdentityService identities;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    FilterService filters;

    @Test
    void runningTheCreatorAgainChangesNothing() {
        long authorizationsBefore = authorizations.createAuthorizationQuery().count();

        demoIdentities.createMissing();
        demoIdentities.createMissing();

        for (String user : List.of("admin", "staff", "reviewer", "supervisor")) {
            assertThat(identities.createUserQuery().userId(user).count()).as(user).isEqualTo(1);
        }
        for (String group : List.of("admin", "itg-staff", "legal-reviewer", "legal-supervisor", "provider", "operaton-admin")) {
            assertThat(identities.createGroupQuery().groupId(group).count()).as(group).isEqualTo(1);
        }
        assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(authorizationsBefore);
        assertThat(filters.createFilterQuery().filterName("All tasks").count()).isEqualTo(1);
    }

    @Test
    void eachDemoUserIsInItsGroupAndCanLogInWithTheDemoPassword() {
        assertThat(groupsOf("admin")).containsExactlyInAnyOrder("admin", "operaton-admin");
        assertThat(groupsOf("staff")).containsExactly("itg-staff");
        assertThat(groupsOf("reviewer")).containsExactly("legal-reviewer");
        assertThat(groupsOf("supervisor")).containsExactly("legal-supervisor");
        assertThat(identities.checkPassword("reviewer", "hoptrace")).isTrue();
    }

    @Test
    void operatonAdministratorsMayDoEverythingWhenAuthorizationIsSwitchedOn() {
        assertThat(authorizations.createAuthorizationQuery().groupIdIn("operaton-admin").count()).isPositive();
    }

    private List<String> groupsOf(String user) {
        return identities.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }
}
