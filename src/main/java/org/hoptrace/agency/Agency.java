package org.hoptrace.agency;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A law-enforcement or regulatory agency that receives notices from Hoptrace (referrals of
 * non-cooperative providers, campaign alerts) and, through its portal users, sends legal requests.
 * {@code jurisdictionStates} holds USPS state codes; empty means nationwide (a federal agency).
 */
public record Agency(UUID id, String name, Type type, Set<String> jurisdictionStates, List<String> contactEmails,
                     Set<Notice> notices, List<String> verifiedDomains, boolean active, Instant createdAt,
                     Instant updatedAt) {

    public enum Type {
        STATE_ATTORNEY_GENERAL, FCC, FTC, DOJ, STATE_REGULATOR, LOCAL_LAW_ENFORCEMENT, OTHER;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Type ofCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** Kinds of notice an agency can ask for. */
    public enum Notice {
        NON_COOPERATION_REFERRAL, CAMPAIGN_ALERT;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Notice ofCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public Agency {
        jurisdictionStates = jurisdictionStates == null ? Set.of() : Set.copyOf(jurisdictionStates);
        contactEmails = contactEmails == null ? List.of() : List.copyOf(contactEmails);
        notices = notices == null ? Set.of() : Set.copyOf(notices);
        verifiedDomains = verifiedDomains == null ? List.of() : List.copyOf(verifiedDomains);
    }

    public boolean isNationwide() {
        return jurisdictionStates.isEmpty();
    }

    /**
     * True when the address is at one of the agency's verified domains (ignoring case). The domain must
     * match exactly: a subdomain of a verified domain is not verified unless it is listed itself.
     */
    public boolean isVerifiedEmail(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        if (at < 1 || at == email.length() - 1) {
            return false;
        }
        String domain = email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
        return verifiedDomains.contains(domain);
    }

    /** The codes of the notices it wants, in declaration order, for display. */
    public List<String> noticeCodes() {
        return notices.stream().sorted().map(Notice::code).toList();
    }

    /** The jurisdiction in alphabetical order, for display; empty for a nationwide agency. */
    public List<String> sortedStates() {
        return jurisdictionStates.stream().sorted().toList();
    }
}
