package org.hoptrace.portal;

import java.util.UUID;

/** A hop that does not exist, or one the caller may not see: both answer 404, so neither is revealed. */
class HopNotFoundException extends RuntimeException {

    HopNotFoundException(UUID hopId) {
        super("There is no hop " + hopId + " for you.");
    }
}
