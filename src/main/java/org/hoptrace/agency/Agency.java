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
}
