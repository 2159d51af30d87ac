package org.hoptrace.provider;

/** The operation does not fit the provider as it is, e.g. API credentials for a provider not vetted yet. */
public class ProviderStateException extends RuntimeException {

    public ProviderStateException(String message) {
        super(message);
    }
}
