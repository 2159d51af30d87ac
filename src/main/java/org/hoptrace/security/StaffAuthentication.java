package org.hoptrace.security;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Where staff, reviewers and provider users log in: Operaton's identity store with the embedded engine;
 * with Camunda 8 (which keeps its users in Camunda Identity, out of Hoptrace's reach) the accounts
 * listed in {@code hoptrace.security.accounts}, and the demo users when {@code hoptrace.demo-data} is on
 * (docs/camunda8.md, "Identities").
 */
record StaffAuthentication(AuthenticationProvider provider) {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ConfiguredAccounts.class)
    static class Sources {

        @Bean
        @ConditionalOnProperty(name = "hoptrace.engine", havingValue = "embedded", matchIfMissing = true)
        StaffAuthentication operatonStaff(OperatonIdentityAuthenticationProvider operaton) {
            return new StaffAuthentication(operaton);
        }

        @Bean
        @ConditionalOnProperty(name = "hoptrace.engine", havingValue = "camunda8")
        StaffAuthentication camunda8Staff(ConfiguredAccounts accounts,
                                          @Value("${hoptrace.demo-data:true}") boolean demoData,
                                          @Value("${hoptrace.demo-password:hoptrace}") String password) {
            return new StaffAuthentication(new FirstThatKnowsTheUser(accounts.provider(), new DemoUsers(demoData, password)));
        }
    }

    /** Asks the configured accounts first; a user name they don't know goes to the demo users. */
    record FirstThatKnowsTheUser(AuthenticationProvider accounts, AuthenticationProvider demo)
            implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication authentication) {
            Authentication known = accounts.authenticate(authentication);
            return known != null ? known : demo.authenticate(authentication);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }

    /** The demo users of {@link DemoIdentities}, with their groups as roles, held in memory. */
    static final class DemoUsers implements AuthenticationProvider {

        private final boolean enabled;
        private final String password;

        DemoUsers(boolean enabled, String password) {
            this.enabled = enabled;
            this.password = password;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String userId = authentication.getName();
            List<String> groups = userId == null ? null : DemoIdentities.USERS.get(userId);
            Object credentials = authentication.getCredentials();
            if (!enabled || groups == null || credentials == null || !password.equals(credentials.toString())) {
                throw new BadCredentialsException("Wrong user name or password");
            }
            List<GrantedAuthority> roles = groups.stream().map(OperatonIdentityAuthenticationProvider::role).toList();
            return UsernamePasswordAuthenticationToken.authenticated(userId, null, roles);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }
}
