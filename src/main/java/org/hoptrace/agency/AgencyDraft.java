package org.hoptrace.agency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An agency as staff enter it (console form, REST body), before it is saved: the one place where the
 * registry's rules live. {@link #normalised()} trims, fixes case and drops repeats; {@link #problems()}
 * lists what is wrong, by field. That the name is not taken needs the registry and is checked by
 * {@link AgencyService}.
 *
 * @param type               a type code, e.g. {@code state-attorney-general}
 * @param jurisdictionStates USPS codes; empty for a nationwide (federal) agency
 * @param notices            notice codes: {@code non-cooperation-referral}, {@code campaign-alert}
 * @param verifiedDomains    email domains the agency's portal users must use, e.g. {@code ag-il.example}
 */
@Schema(name = "AgencyInput", description = "An agency as registered or changed; rules in docs/agencies.md")
public record AgencyDraft(
        @Schema(description = "Unique name (ignoring case), up to 300 characters", example = "Illinois Attorney General",
                requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(description = "Kind of agency", requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {
                "state-attorney-general", "fcc", "ftc", "doj", "state-regulator", "local-law-enforcement", "other"},
                example = "state-attorney-general") String type,
        @Schema(description = "USPS codes (50 states, DC, PR, GU, VI, AS, MP); at least one for a state agency "
                + "(state-attorney-general, state-regulator, local-law-enforcement), none for fcc, ftc, doj",
                example = "[\"IL\"]") List<String> jurisdictionStates,
        @Schema(description = "Where its notices go: at least one email address", example = "[\"robocalls@ag-il.example\"]",
                requiredMode = Schema.RequiredMode.REQUIRED) List<String> contactEmails,
        @Schema(description = "Notices it wants: non-cooperation-referral, campaign-alert; may be empty",
                example = "[\"non-cooperation-referral\", \"campaign-alert\"]") List<String> notices,
        @Schema(description = "Email domains its portal users must use (host names, stored lower case)",
                example = "[\"ag-il.example\"]") List<String> verifiedDomains) {

    static final int MAX_NAME = 300;
    static final int MAX_EMAILS = 20;
    static final int MAX_DOMAINS = 20;

    /** Agencies of these types act for one or more states and must name them. */
    static final Set<Agency.Type> STATE_TYPES = EnumSet.of(Agency.Type.STATE_ATTORNEY_GENERAL,
            Agency.Type.STATE_REGULATOR, Agency.Type.LOCAL_LAW_ENFORCEMENT);
    /** Federal agencies are nationwide and name no state. */
    static final Set<Agency.Type> FEDERAL_TYPES = EnumSet.of(Agency.Type.FCC, Agency.Type.FTC, Agency.Type.DOJ);

    static final String TYPE_CODES = String.join(", ",
            Arrays.stream(Agency.Type.values()).map(Agency.Type::code).toList());
    static final String NOTICE_CODES = String.join(", ",
            Arrays.stream(Agency.Notice.values()).map(Agency.Notice::code).toList());

    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

    public AgencyDraft {
        jurisdictionStates = nonNull(jurisdictionStates);
        contactEmails = nonNull(contactEmails);
        notices = nonNull(notices);
        verifiedDomains = nonNull(verifiedDomains);
    }

    /**
     * Trimmed, blanks dropped; type and notices lower case; states upper case, in alphabetical order;
     * domains lower case without a leading {@code @} or trailing dot; every list without repeats
     * (emails compared ignoring case).
     */
    public AgencyDraft normalised() {
        List<String> emails = new ArrayList<>();
        for (String email : contactEmails) {
            String trimmed = email.strip();
            if (!trimmed.isEmpty() && emails.stream().noneMatch(trimmed::equalsIgnoreCase)) {
                emails.add(trimmed);
            }
        }
        Set<String> states = new TreeSet<>();
        present(jurisdictionStates).forEach(state -> states.add(state.toUpperCase(Locale.ROOT)));
        Set<String> noticeCodes = new LinkedHashSet<>();
        present(notices).forEach(notice -> noticeCodes.add(notice.toLowerCase(Locale.ROOT)));
        Set<String> domains = new LinkedHashSet<>();
        present(verifiedDomains).forEach(domain -> domains.add(domain(domain)));
        return new AgencyDraft(text(name), type == null ? null : text(type.toLowerCase(Locale.ROOT)),
                List.copyOf(states), emails, List.copyOf(noticeCodes), List.copyOf(domains));
    }

    /** Field name to message, in form order; empty when the draft may be saved. Call on a normalised draft. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (name == null) {
            problems.put("name", "enter the agency's name");
        } else if (name.length() > MAX_NAME) {
            problems.put("name", "at most " + MAX_NAME + " characters");
        }
        Agency.Type typeValue = typeValue();
        if (typeValue == null) {
            problems.put("type", "choose one of " + TYPE_CODES);
        }
        String badState = jurisdictionStates.stream().filter(state -> !UspsCodes.isValid(state)).findFirst().orElse(null);
        if (badState != null) {
            problems.put("jurisdictionStates", "'" + badState + "' is not a USPS state code (e.g. IL, NY, DC, PR)");
        } else if (typeValue != null && STATE_TYPES.contains(typeValue) && jurisdictionStates.isEmpty()) {
            problems.put("jurisdictionStates", "a " + typeValue.code() + " needs at least one state");
        } else if (typeValue != null && FEDERAL_TYPES.contains(typeValue) && !jurisdictionStates.isEmpty()) {
            problems.put("jurisdictionStates", "a federal agency (" + typeValue.code()
                    + ") is nationwide: leave the states empty");
        }
        String badEmail = contactEmails.stream().filter(e -> !isEmail(e)).findFirst().orElse(null);
        if (badEmail != null) {
            problems.put("contactEmails", "'" + badEmail + "' is not an email address");
        } else if (contactEmails.isEmpty()) {
            problems.put("contactEmails", "enter at least one contact email; notices go to every address");
        } else if (contactEmails.size() > MAX_EMAILS) {
            problems.put("contactEmails", "at most " + MAX_EMAILS + " addresses");
        }
        String badNotice = notices.stream().filter(code -> noticeOf(code) == null).findFirst().orElse(null);
        if (badNotice != null) {
            problems.put("notices", "'" + badNotice + "' is not a notice; choose from " + NOTICE_CODES);
        }
        String badDomain = verifiedDomains.stream().filter(d -> !isHostName(d)).findFirst().orElse(null);
        if (badDomain != null) {
            problems.put("verifiedDomains", "'" + badDomain + "' is not a domain name (e.g. ag-il.example)");
        } else if (verifiedDomains.size() > MAX_DOMAINS) {
            problems.put("verifiedDomains", "at most " + MAX_DOMAINS + " domains");
        }
        return problems;
    }

    /** The type, or null if the code is missing or unknown. */
    Agency.Type typeValue() {
        return typeOf(type);
    }

    /** The type with this code (exactly, lower case), or null. */
    static Agency.Type typeOf(String code) {
        for (Agency.Type value : Agency.Type.values()) {
            if (value.code().equals(code)) {
                return value;
            }
        }
        return null;
    }

    /** The notices; call only on a draft without problems. */
    Set<Agency.Notice> noticeValues() {
        Set<Agency.Notice> values = EnumSet.noneOf(Agency.Notice.class);
        notices.forEach(code -> values.add(noticeOf(code)));
        return values;
    }

    static boolean isEmail(String value) {
        return value.length() <= 320 && EMAIL.matcher(value).matches();
    }

    /** A DNS host name of at least two labels with an alphabetic top-level label; no IP addresses. */
    static boolean isHostName(String value) {
        if (value.isEmpty() || value.length() > 253) {
            return false;
        }
        String[] labels = value.split("\\.", -1);
        if (labels.length < 2 || !TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The notice with this code (exactly, lower case), or null. */
    static Agency.Notice noticeOf(String code) {
        for (Agency.Notice value : Agency.Notice.values()) {
            if (value.code().equals(code)) {
                return value;
            }
        }
        return null;
    }

    private static String domain(String value) {
        String domain = value.toLowerCase(Locale.ROOT);
        if (domain.startsWith("@")) {
            domain = domain.substring(1);
        }
        return domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    }

    /** The non-blank values, trimmed. */
    private static List<String> present(Collection<String> values) {
        return values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static List<String> nonNull(List<String> values) {
        return values == null ? List.of() : values.stream().map(v -> v == null ? "" : v).toList();
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
