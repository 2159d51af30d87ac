package org.hoptrace.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Console accounts listed in configuration ({@code hoptrace.security.accounts}), for deployments
 * whose engine keeps no users Hoptrace can read (Camunda 8). Each account has a user name, a
 * password stored encoded with its scheme in front ({@code {bcrypt}$2y$10$...}; never in clear
 * text), and the groups that become its roles, as with the embedded identity store.
 */
@ConfigurationProperties("hoptrace.security")
record ConfiguredAccounts(List<Account> accounts) {

    record Account(String username, String password, List<String> groups) {
    }

    ConfiguredAccounts {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        for (Account account : accounts) {
            if (account.username() == null || account.username().isBlank()) {
                throw new IllegalArgumentException("hoptrace.security.accounts: an account has no username");
            }
            if (account.password() == null || !account.password().startsWith("{") || account.password().startsWith("{noop}")) {
                throw new IllegalArgumentException("hoptrace.security.accounts: the password of '" + account.username()
                        + "' must be stored encoded with its scheme in front, e.g. {bcrypt}$2y$10$... (docs/camunda8.md)");
            }
        }
    }

    /** Checks a login against the accounts; empty when the user name is not one of them. */
    AuthenticationProvider provider() {
        return new Provider(accounts.stream().collect(Collectors.toMap(Account::username, Function.identity(), (a, b) -> {
            throw new IllegalArgumentException("hoptrace.security.accounts: user name '" + a.username() + "' is listed twice");
        })));
    }

    private static final class Provider implements AuthenticationProvider {

        private final Map<String, Account> accounts;
        private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();

        Provider(Map<String, Account> accounts) {
            this.accounts = accounts;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            Optional<Account> account = Optional.ofNullable(accounts.get(authentication.getName()));
            Object credentials = authentication.getCredentials();
            if (account.isEmpty()) {
                return null; // not ours: the next provider may know the user
            }
            if (credentials == null || !passwords.matches(credentials.toString(), account.get().password())) {
                throw new BadCredentialsException("Wrong user name or password");
            }
            List<String> groups = account.get().groups() == null ? List.of() : account.get().groups();
            List<GrantedAuthority> roles = groups.stream().map(OperatonIdentityAuthenticationProvider::role).toList();
            return UsernamePasswordAuthenticationToken.authenticated(account.get().username(), null, roles);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }
}
