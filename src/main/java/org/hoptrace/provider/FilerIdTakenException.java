package org.hoptrace.provider;

/** Another provider in the registry already has the FCC Form 499 filer id. */
public class FilerIdTakenException extends RuntimeException {

    private final Provider existing;

    public FilerIdTakenException(Provider existing) {
        super("FCC Form 499 filer id " + existing.filer499Id() + " is already registered (provider "
                + existing.legalName() + ")");
        this.existing = existing;
    }

    public Provider existing() {
        return existing;
    }
}
