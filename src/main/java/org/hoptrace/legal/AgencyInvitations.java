package org.hoptrace.legal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import org.hoptrace.agency.Agency;
import org.hoptrace.agency.AgencyRepository;
import org.hoptrace.notify.Outbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff invite agency users; an invited user accepts with the emailed link, sets a password and enrols
 * an authenticator app (TOTP). The link's token is kept only as its SHA-256, expires, and works once.
 */
@Service
public class AgencyInvitations {

    static final PasswordEncoder PASSWORDS = new BCryptPasswordEncoder();
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private final AgencyUserRepository users;
    private final AgencyRepository agencies;
    private final Outbox outbox;
    private final Clock clock;
    private final AgencyPortalSettings settings;
    private final String baseUrl;

    AgencyInvitations(AgencyUserRepository users, AgencyRepository agencies, Outbox outbox, Clock clock,
                      AgencyPortalSettings settings, @Value("${hoptrace.base-url}") String baseUrl) {
        this.users = users;
        this.agencies = agencies;
        this.outbox = outbox;
        this.clock = clock;
        this.settings = settings;
        this.baseUrl = baseUrl;
    }

    /** What the invited user sees before accepting: who they are and a new authenticator secret. */
    public record Enrolment(AgencyUser user, String agencyName, String secret, String otpauthUri) {
    }

    /**
     * Invites a user of the agency with an address at one of its verified domains and emails the link.
     * A user invited before who has not accepted yet gets a new link (the old one stops working).
     *
     * @throws org.hoptrace.agency.UnknownAgencyException no such agency
     * @throws InvalidAgencyInputException                 address or name missing or wrong, agency deactivated
     * @throws AgencyUserTakenException                    the address has an active or disabled user, or belongs to another agency
     */
    @Transactional
    public AgencyUser invite(UUID agencyId, String email, String fullName, String invitedBy) {
        Agency agency = agencies.get(agencyId);
        String address = email == null ? "" : email.strip();
        String name = fullName == null ? "" : fullName.strip();
        Map<String, String> problems = new LinkedHashMap<>();
        if (!address.matches(EMAIL) || address.length() > 254) {
            problems.put("email", "give an email address");
        } else if (!agency.isVerifiedEmail(address)) {
            problems.put("email", address + " is not at a verified domain of " + agency.name()
                    + (agency.verifiedDomains().isEmpty() ? " (it has none yet)" : " (" + String.join(", ", agency.verifiedDomains()) + ")"));
        }
        if (name.isEmpty() || name.length() > 200) {
            problems.put("fullName", "give the person's name, at most 200 characters");
        }
        if (!agency.active()) {
            problems.put("agency", agency.name() + " is deactivated");
        }
        if (!problems.isEmpty()) {
            throw new InvalidAgencyInputException(problems);
        }
        String token = AgencyTokens.newSecret("inv_");
        String tokenHash = AgencyTokens.sha256(token);
        Instant expires = clock.instant().plus(settings.invitationValidity());
        AgencyUser user = users.findByEmail(address).map(existing -> {
            if (existing.status() != AgencyUser.Status.INVITED || !existing.agencyId().equals(agencyId)) {
                throw new AgencyUserTakenException(address);
            }
            users.reinvite(existing.id(), tokenHash, expires, invitedBy);
            return users.find(existing.id()).orElseThrow();
        }).orElseGet(() -> users.invite(agencyId, address, name, tokenHash, expires, invitedBy));
        outbox.email("agency-invitation:" + tokenHash, List.of(address), "Your invitation to the Hoptrace agency portal",
                """
                Hello %s,

                the industry traceback group invites you to the Hoptrace agency portal for %s. There you can submit
                subpoenas and civil investigative demands, follow them and download the responses.

                Open this link to set your password and set up an authenticator app (two-factor login):
                %s/agency/invitation?token=%s

                The link works once, until %s.
                """.formatted(user.fullName(), agency.name(), baseUrl, token, UTC.format(expires)));
        return user;
    }

    /** The invited user and a new TOTP secret for the acceptance page. */
    @Transactional
    public Enrolment enrolment(String token) {
        AgencyUser user = validInvitation(token);
        String secret = AgencyTotp.newSecret();
        return new Enrolment(user, agencies.get(user.agencyId()).name(), secret,
                AgencyTotp.otpauthUri("Hoptrace", user.email(), secret));
    }

    /**
     * Accepts the invitation: the password (twice) and a current code of the authenticator enrolled with
     * {@code secret}. The user is active afterwards and the link no longer works.
     */
    @Transactional
    public AgencyUser accept(String token, String password, String passwordAgain, String secret, String code) {
        AgencyUser user = validInvitation(token);
        Map<String, String> problems = new LinkedHashMap<>();
        if (password == null || password.length() < settings.minPasswordLength()) {
            problems.put("password", "use at least " + settings.minPasswordLength() + " characters");
        } else if (password.length() > 72) {
            problems.put("password", "use at most 72 characters");
        } else if (!password.equals(passwordAgain)) {
            problems.put("passwordAgain", "the two passwords differ");
        }
        OptionalLong step = validSecret(secret) ? AgencyTotp.matchingStep(secret, code, clock.instant()) : OptionalLong.empty();
        if (step.isEmpty()) {
            problems.put("code", "this is not the current 6-digit code of the authenticator app set up with this secret");
        }
        if (!problems.isEmpty()) {
            throw new InvalidAgencyInputException(problems);
        }
        users.activate(user.id(), PASSWORDS.encode(password), secret, step.getAsLong());
        return users.find(user.id()).orElseThrow();
    }

    /** Staff end a user's access: no login, no API token works any more. */
    @Transactional
    public AgencyUser disable(UUID agencyId, UUID userId, String by) {
        AgencyUser user = users.find(userId).filter(u -> u.agencyId().equals(agencyId))
                .orElseThrow(() -> new LegalRequestNotFoundException("no portal user " + userId + " at this agency"));
        users.disable(user.id(), by);
        return users.find(user.id()).orElseThrow();
    }

    private AgencyUser validInvitation(String token) {
        if (token == null || token.isBlank()) {
            throw new InvitationNotValidException();
        }
        return users.lockByInvitation(AgencyTokens.sha256(token.strip()))
                .filter(user -> user.invitationExpiresAt() != null && clock.instant().isBefore(user.invitationExpiresAt()))
                .orElseThrow(InvitationNotValidException::new);
    }

    private static boolean validSecret(String secret) {
        return secret != null && secret.matches("[A-Z2-7]{32}");
    }
}
