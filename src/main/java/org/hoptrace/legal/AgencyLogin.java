package org.hoptrace.legal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import org.hoptrace.agency.Agency;
import org.hoptrace.agency.AgencyRepository;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The agency portal login: email, password and the current code of the user's authenticator app. A code
 * is accepted once (and no code of an earlier time step after it); {@code max-failed-logins} failures in a
 * row lock the user out for {@code lockout}. Disabled users, users of a deactivated agency and users who
 * have not accepted their invitation cannot log in.
 */
@Component
class AgencyLogin implements AuthenticationProvider {

    static final String BAD_CREDENTIALS = "Wrong email, password or code.";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** Compared against when the address is unknown, so that unknown and known addresses take as long. */
    private static final String NO_PASSWORD = AgencyInvitations.PASSWORDS.encode("no such user");

    /** The code typed on the login form, next to email and password. */
    record Details(String code) {

        static Details of(HttpServletRequest request) {
            return new Details(request.getParameter("code"));
        }
    }

    private final AgencyUserRepository users;
    private final AgencyRepository agencies;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AgencyPortalSettings settings;

    AgencyLogin(AgencyUserRepository users, AgencyRepository agencies, TransactionTemplate transactions, Clock clock,
                AgencyPortalSettings settings) {
        this.users = users;
        this.agencies = agencies;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    private sealed interface Outcome {
    }

    private record LoggedIn(AgencyPrincipal principal) implements Outcome {
    }

    private record Refused(String message, boolean locked) implements Outcome {
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName() == null ? "" : authentication.getName().strip();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String code = authentication.getDetails() instanceof Details details ? details.code() : null;
        Outcome outcome = transactions.execute(status -> check(email, password, code));
        if (outcome instanceof LoggedIn in) {
            return UsernamePasswordAuthenticationToken.authenticated(in.principal(), null,
                    List.of(new SimpleGrantedAuthority(AgencyPrincipal.ROLE)));
        }
        Refused refused = (Refused) outcome;
        throw refused.locked() ? new LockedException(refused.message()) : new BadCredentialsException(refused.message());
    }

    private Outcome check(String email, String password, String code) {
        Optional<AgencyUserRepository.Credentials> found = email.isEmpty() ? Optional.empty() : users.lockCredentials(email);
        if (found.isEmpty() || found.get().passwordHash() == null) {
            AgencyInvitations.PASSWORDS.matches(password, NO_PASSWORD);
            return new Refused(BAD_CREDENTIALS, false);
        }
        AgencyUserRepository.Credentials credentials = found.get();
        AgencyUser user = credentials.user();
        Instant now = clock.instant();
        if (user.lockedUntil() != null && now.isBefore(user.lockedUntil())) {
            return new Refused("Too many failed logins: try again after " + UTC.format(user.lockedUntil()) + ".", true);
        }
        boolean passwordRight = AgencyInvitations.PASSWORDS.matches(password, credentials.passwordHash());
        OptionalLong step = AgencyTotp.matchingStep(credentials.totpSecret(), code, now);
        boolean codeRight = step.isPresent() && step.getAsLong() > credentials.totpLastStep();
        if (!passwordRight || !codeRight) {
            users.failedLogin(user.id(), settings.maxFailedLogins(), now.plus(settings.lockout()));
            return new Refused(BAD_CREDENTIALS, false);
        }
        if (user.status() != AgencyUser.Status.ACTIVE || !agencies.find(user.agencyId()).map(Agency::active).orElse(false)) {
            return new Refused(BAD_CREDENTIALS, false);
        }
        users.loggedIn(user.id(), step.getAsLong());
        return new LoggedIn(new AgencyPrincipal(user.id(), user.agencyId(), user.email()));
    }

    /** Whether a user who logged in earlier may still use the portal: active, and the agency too. */
    boolean stillActive(AgencyPrincipal agent) {
        return users.find(agent.userId()).filter(user -> user.status() == AgencyUser.Status.ACTIVE).isPresent()
                && agencies.find(agent.agencyId()).map(Agency::active).orElse(false);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
