package org.hoptrace.portal;

/** A portal page the visitor may not open: the link is expired, changed or for another hop (403), or the hop is not theirs (404). */
class PortalRefusedException extends RuntimeException {

    enum Why { LINK_NOT_VALID, NOT_FOUND }

    private final Why why;

    PortalRefusedException(Why why) {
        super(why == Why.LINK_NOT_VALID ? "This link has expired or is not valid" : "No such hop");
        this.why = why;
    }

    Why why() {
        return why;
    }
}
