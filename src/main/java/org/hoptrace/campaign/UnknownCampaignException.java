package org.hoptrace.campaign;

/** A campaign id that does not exist. */
public class UnknownCampaignException extends RuntimeException {

    public UnknownCampaignException(Object id) {
        super("no campaign " + id);
    }
}
