package org.hoptrace.workflow.camunda8;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Hoptrace reaches a Camunda 8 cluster, in the property names of Camunda's own Spring Boot
 * starter ({@code camunda.client.*}), so the settings of an existing Camunda 8 application carry over.
 * Only the REST API is used.
 *
 * @param mode           {@code self-managed} (default) or {@code saas}; SaaS derives the REST address,
 *                       token URL and audience from {@code cloud.cluster-id} and {@code cloud.region}
 * @param restAddress    the orchestration cluster's REST address (without {@code /v2})
 * @param requestTimeout how long one REST call may take
 * @param auth           authentication: none, basic, or OIDC client credentials
 * @param cloud          the SaaS cluster
 */
@ConfigurationProperties("camunda.client")
record CamundaClientSettings(@DefaultValue("self-managed") String mode,
                             URI restAddress,
                             @DefaultValue("PT10S") Duration requestTimeout,
                             @DefaultValue Auth auth,
                             @DefaultValue Cloud cloud) {

    static final URI SELF_MANAGED_DEFAULT = URI.create("http://localhost:8088");

    /**
     * @param method       {@code none}, {@code basic} or {@code oidc} (client credentials)
     * @param username     basic authentication
     * @param password     basic authentication
     * @param clientId     OIDC client id
     * @param clientSecret OIDC client secret
     * @param tokenUrl     the identity provider's token endpoint
     * @param audience     the token's audience
     * @param scope        the token's scope, if the identity provider needs one
     */
    record Auth(String method, String username, String password, String clientId, String clientSecret,
                URI tokenUrl, String audience, String scope) {
    }

    /** A Camunda SaaS cluster: its id and region. */
    record Cloud(String clusterId, @DefaultValue("bru-2") String region) {
    }

    boolean saas() {
        return "saas".equalsIgnoreCase(mode);
    }

    /** The REST address in use: the configured one, the SaaS cluster's, or the self-managed default. */
    URI effectiveRestAddress() {
        if (restAddress != null) {
            return restAddress;
        }
        if (saas()) {
            requireCloud();
            return URI.create("https://" + cloud.region() + ".zeebe.camunda.io/" + cloud.clusterId());
        }
        return SELF_MANAGED_DEFAULT;
    }

    /** The authentication method in use: configured, or OIDC for SaaS, basic with a user name, else none. */
    String effectiveAuthMethod() {
        if (auth.method() != null && !auth.method().isBlank()) {
            return auth.method().toLowerCase(java.util.Locale.ROOT);
        }
        if (saas() || auth.clientId() != null) {
            return "oidc";
        }
        return auth.username() != null ? "basic" : "none";
    }

    URI effectiveTokenUrl() {
        if (auth.tokenUrl() != null) {
            return auth.tokenUrl();
        }
        if (saas()) {
            return URI.create("https://login.cloud.camunda.io/oauth/token");
        }
        throw new IllegalStateException("camunda.client.auth.token-url is required for OIDC authentication");
    }

    String effectiveAudience() {
        if (auth.audience() != null) {
            return auth.audience();
        }
        return saas() ? "zeebe.camunda.io" : null;
    }

    private void requireCloud() {
        if (cloud.clusterId() == null || cloud.clusterId().isBlank()) {
            throw new IllegalStateException("camunda.client.mode=saas needs camunda.client.cloud.cluster-id");
        }
    }
}
