package org.hoptrace.portal;

/**
 * The portal's answer form as the browser posts it, kept to show it again when something is wrong.
 * A registered upstream provider is chosen from the search results or typed as its id; a typed id wins.
 */
public class AnswerForm {

    private String type;
    private String upstreamProviderId;
    private String upstreamProviderIdTyped;
    private String upstreamName;
    private String upstreamEmail;
    private String upstreamPhone;
    private String upstreamCountry;
    private String customerName;
    private String customerDetails;
    private String explanation;
    private String comment;

    AnswerRequest toRequest() {
        String upstream = upstreamProviderIdTyped != null && !upstreamProviderIdTyped.isBlank()
                ? upstreamProviderIdTyped : upstreamProviderId;
        return new AnswerRequest(type, upstream, upstreamName, upstreamEmail, upstreamPhone, upstreamCountry,
                customerName, customerDetails, explanation, comment);
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getUpstreamProviderId() {
        return upstreamProviderId;
    }

    public void setUpstreamProviderId(String upstreamProviderId) {
        this.upstreamProviderId = upstreamProviderId;
    }

    public String getUpstreamProviderIdTyped() {
        return upstreamProviderIdTyped;
    }

    public void setUpstreamProviderIdTyped(String upstreamProviderIdTyped) {
        this.upstreamProviderIdTyped = upstreamProviderIdTyped;
    }

    public String getUpstreamName() {
        return upstreamName;
    }

    public void setUpstreamName(String upstreamName) {
        this.upstreamName = upstreamName;
    }

    public String getUpstreamEmail() {
        return upstreamEmail;
    }

    public void setUpstreamEmail(String upstreamEmail) {
        this.upstreamEmail = upstreamEmail;
    }

    public String getUpstreamPhone() {
        return upstreamPhone;
    }

    public void setUpstreamPhone(String upstreamPhone) {
        this.upstreamPhone = upstreamPhone;
    }

    public String getUpstreamCountry() {
        return upstreamCountry;
    }

    public void setUpstreamCountry(String upstreamCountry) {
        this.upstreamCountry = upstreamCountry;
    }

    public String getCustomerName() {
        return customerName;
    }

    public void setCustomerName(String customerName) {
        this.customerName = customerName;
    }

    public String getCustomerDetails() {
        return customerDetails;
    }

    public void setCustomerDetails(String customerDetails) {
        this.customerDetails = customerDetails;
    }

    public String getExplanation() {
        return explanation;
    }

    public void setExplanation(String explanation) {
        this.explanation = explanation;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
