package org.hoptrace.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroupRolesTest {

    @Test
    void groupIdBecomesAnUppercaseRoleWithUnderscores() {
        assertThat(OperatonIdentityAuthenticationProvider.role("legal-supervisor").getAuthority())
                .isEqualTo("ROLE_LEGAL_SUPERVISOR");
        assertThat(OperatonIdentityAuthenticationProvider.role("admin").getAuthority()).isEqualTo("ROLE_ADMIN");
    }
}
