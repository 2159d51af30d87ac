package org.hoptrace.legal;

import java.util.Arrays;
import java.util.List;

/** The portal's request form: lists are typed one entry per line (or separated by commas or semicolons). */
public class AgencyRequestForm {

    private String type = "subpoena";
    private String issuingAuthority;
    private String caseNumber;
    private String returnDate;
    private String description;
    private String numbers;
    private String providers;
    private String campaigns;
    private String tracebacks;
    private String scopeFrom;
    private String scopeTo;

    AgencyRequestDraft toDraft() {
        return new AgencyRequestDraft(type, issuingAuthority, caseNumber, returnDate, description,
                new AgencyRequestDraft.ScopeDraft(lines(numbers, true), lines(providers, false), lines(campaigns, false),
                        lines(tracebacks, true), scopeFrom, scopeTo));
    }

    /** One entry per line; numbers and references may also be separated by commas or semicolons. */
    private static List<String> lines(String text, boolean commasToo) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split(commasToo ? "[\\r\\n,;]+" : "[\\r\\n]+")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
    }

    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getIssuingAuthority() { return issuingAuthority; }
    public void setIssuingAuthority(String issuingAuthority) { this.issuingAuthority = issuingAuthority; }
    public String getCaseNumber() { return caseNumber; }
    public void setCaseNumber(String caseNumber) { this.caseNumber = caseNumber; }
    public String getReturnDate() { return returnDate; }
    public void setReturnDate(String returnDate) { this.returnDate = returnDate; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getNumbers() { return numbers; }
    public void setNumbers(String numbers) { this.numbers = numbers; }
    public String getProviders() { return providers; }
    public void setProviders(String providers) { this.providers = providers; }
    public String getCampaigns() { return campaigns; }
    public void setCampaigns(String campaigns) { this.campaigns = campaigns; }
    public String getTracebacks() { return tracebacks; }
    public void setTracebacks(String tracebacks) { this.tracebacks = tracebacks; }
    public String getScopeFrom() { return scopeFrom; }
    public void setScopeFrom(String scopeFrom) { this.scopeFrom = scopeFrom; }
    public String getScopeTo() { return scopeTo; }
    public void setScopeTo(String scopeTo) { this.scopeTo = scopeTo; }
}
