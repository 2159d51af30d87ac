package org.hoptrace.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Console accounts from configuration, as Camunda 8 mode uses them, in front of the demo users. */
class ConfiguredAccountsTest {

    private static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("s3cret-enough");

    private final AuthenticationProvider staff = new StaffAuthentication.FirstThatKnowsTheUser(
            new ConfiguredAccounts(List.of(new ConfiguredAccounts.Account("dana", HASH, List.of("itg-staff", "admin"))))
                    .provider(),
            new StaffAuthentication.DemoUsers(true, "hoptrace"));

    @Test
    void anAccountLogsInWithItsPasswordAndGetsItsGroupsAsRoles() {
        Authentication dana = staff.authenticate(login("dana", "s3cret-enough"));

        assertThat(dana.isAuthenticated()).isTrue();
        assertThat(dana.getName()).isEqualTo("dana");
        assertThat(dana.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_ITG_STAFF", "ROLE_ADMIN");
    }

    @Test
    void aWrongPasswordIsRefusedAndDoesNotFallThroughToTheDemoUsers() {
        assertThatThrownBy(() -> staff.authenticate(login("dana", "hoptrace"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> staff.authenticate(login("dana", null))).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void otherUserNamesGoToTheDemoUsers() {
        assertThat(staff.authenticate(login("staff", "hoptrace")).getName()).isEqualTo("staff");
        assertThatThrownBy(() -> staff.authenticate(login("nobody", "hoptrace"))).isInstanceOf(BadCredentialsException.class);
        AuthenticationProvider withoutDemo = new StaffAuthentication.FirstThatKnowsTheUser(
                new ConfiguredAccounts(List.of()).provider(), new StaffAuthentication.DemoUsers(false, "hoptrace"));
        assertThatThrownBy(() -> withoutDemo.authenticate(login("staff", "hoptrace"))).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void passwordsInClearTextOrWithoutAUserNameAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new ConfiguredAccounts(List.of(new ConfiguredAccounts.Account("dana", "plain", List.of()))))
                .hasMessageContaining("'dana'").hasMessageContaining("{bcrypt}");
        assertThatThrownBy(() -> new ConfiguredAccounts(List.of(new ConfiguredAccounts.Account("dana", "{noop}plain", List.of()))))
                .hasMessageContaining("encoded");
        assertThatThrownBy(() -> new ConfiguredAccounts(List.of(new ConfiguredAccounts.Account(" ", HASH, List.of()))))
                .hasMessageContaining("no username");
        assertThatThrownBy(() -> new ConfiguredAccounts(List.of(new ConfiguredAccounts.Account("dana", HASH, List.of()),
                new ConfiguredAccounts.Account("dana", HASH, List.of()))).provider()).hasMessageContaining("listed twice");
    }

    private static UsernamePasswordAuthenticationToken login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }
}
