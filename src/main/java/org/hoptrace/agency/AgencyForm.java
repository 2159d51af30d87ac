package org.hoptrace.agency;

import java.util.Arrays;
import java.util.List;

/**
 * The console's agency form as the browser posts it: states in one text field (separated by commas or
 * blanks), contact emails and domains in text areas (one per line, or separated by commas or
 * semicolons), one checkbox per notice.
 */
record AgencyForm(String name, String type, String jurisdictionStates, String contactEmails, List<String> notices,
                  String verifiedDomains) {

    AgencyForm {
        notices = notices == null ? List.of() : List.copyOf(notices);
    }

    static AgencyForm blank() {
        return new AgencyForm("", Agency.Type.STATE_ATTORNEY_GENERAL.code(), "", "",
                List.of(Agency.Notice.NON_COOPERATION_REFERRAL.code(), Agency.Notice.CAMPAIGN_ALERT.code()), "");
    }

    static AgencyForm of(Agency agency) {
        return new AgencyForm(agency.name(), agency.type().code(), String.join(", ", agency.sortedStates()),
                String.join("\n", agency.contactEmails()), agency.notices().stream().map(Agency.Notice::code).toList(),
                String.join("\n", agency.verifiedDomains()));
    }

    AgencyDraft toDraft() {
        return new AgencyDraft(name, type, split(jurisdictionStates, "[\\s,;]+"), split(contactEmails, "[\\s,;]+"),
                notices, split(verifiedDomains, "[\\s,;]+"));
    }

    /** Whether the notice's checkbox is ticked. */
    public boolean wants(Agency.Notice notice) {
        return notices.contains(notice.code());
    }

    private static List<String> split(String text, String separators) {
        String value = text == null ? "" : text.strip();
        return value.isEmpty() ? List.of() : Arrays.asList(value.split(separators));
    }
}
