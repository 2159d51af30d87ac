package org.hoptrace.campaign;

/** A staff action the campaign's state does not allow, e.g. tracing a call that was traced already. */
public class CampaignStateException extends RuntimeException {

    public CampaignStateException(String message) {
        super(message);
    }
}
