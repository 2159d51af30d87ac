package org.hoptrace.workflow.camunda8;

import java.net.URI;

/** The Camunda 8 cluster did not answer at start-up, or refused Hoptrace's credentials. */
public class ClusterUnavailableException extends RuntimeException {

    private final URI address;

    ClusterUnavailableException(URI address, String cause, Throwable failure) {
        super("Camunda 8 cluster at " + address + " is not usable: " + cause
                + " (check camunda.client.rest-address and camunda.client.auth.*)", failure);
        this.address = address;
    }

    public URI address() {
        return address;
    }
}
