package org.hoptrace.workflow.camunda8;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link CamundaClient} from {@code camunda.client.*} (REST only, no gRPC) and checks at
 * start-up that the cluster answers, so a wrong address or refused credentials stop the service at
 * once with a message naming the address and the cause.
 */
final class CamundaClients {

    private static final Logger log = LoggerFactory.getLogger(CamundaClients.class);

    private CamundaClients() {
    }

    static CamundaClient build(CamundaClientSettings settings, Camunda8Settings hoptrace) {
        URI rest = settings.effectiveRestAddress();
        var builder = CamundaClient.newClientBuilder()
                .applyEnvironmentVariableOverrides(false)
                .preferRestOverGrpc(true)
                .restAddress(rest)
                // never used (REST only), but the builder validates it
                .grpcAddress(URI.create("http://" + hostOf(rest) + ":26500"))
                .defaultRequestTimeout(settings.requestTimeout())
                .defaultJobWorkerStreamEnabled(false)
                .defaultJobWorkerName(hoptrace.workerName())
                .numJobWorkerExecutionThreads(hoptrace.workerThreads())
                .defaultJobWorkerMaxJobsActive(hoptrace.maxJobsActive())
                .defaultJobPollInterval(hoptrace.pollInterval())
                .credentialsProvider(credentials(settings));
        return builder.build();
    }

    static CredentialsProvider credentials(CamundaClientSettings settings) {
        CamundaClientSettings.Auth auth = settings.auth();
        return switch (settings.effectiveAuthMethod()) {
            case "none" -> new NoCredentials();
            case "basic" -> CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
                    .applyEnvironmentOverrides(false)
                    .username(required(auth.username(), "camunda.client.auth.username"))
                    .password(required(auth.password(), "camunda.client.auth.password"))
                    .build();
            case "oidc" -> {
                var oauth = CredentialsProvider.newCredentialsProviderBuilder()
                        .applyEnvironmentOverrides(false)
                        .clientId(required(auth.clientId(), "camunda.client.auth.client-id"))
                        .clientSecret(required(auth.clientSecret(), "camunda.client.auth.client-secret"))
                        .authorizationServerUrl(settings.effectiveTokenUrl().toString());
                if (settings.effectiveAudience() != null) {
                    oauth.audience(settings.effectiveAudience());
                }
                if (auth.scope() != null) {
                    oauth.scope(auth.scope());
                }
                yield oauth.build();
            }
            default -> throw new IllegalStateException("camunda.client.auth.method must be none, basic or oidc, not '"
                    + auth.method() + "'");
        };
    }

    /**
     * Asks the cluster for its topology; fails with the address and the cause if it does not answer
     * within {@code timeout} or refuses the request.
     */
    static Topology checkReachable(CamundaClient client, URI address, Duration timeout) {
        try {
            Topology topology = client.newTopologyRequest().requestTimeout(timeout).send()
                    .join(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            log.info("Camunda 8 cluster at {}: gateway {}, {} broker(s), {} partition(s)", address,
                    topology.getGatewayVersion(), topology.getBrokers().size(), topology.getPartitionsCount());
            return topology;
        } catch (RuntimeException failure) {
            throw new ClusterUnavailableException(address, describe(failure), failure);
        }
    }

    /** A short, readable cause: the HTTP status and the problem's detail, or the connection error. */
    static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof ClientHttpException)) {
            cause = cause.getCause();
        }
        if (cause instanceof ProblemException problem && problem.details() != null) {
            return "HTTP " + problem.code() + " " + nonNull(problem.details().getTitle()) + " "
                    + nonNull(problem.details().getDetail()).trim();
        }
        if (cause instanceof ClientHttpException http) {
            return "HTTP " + http.code() + " " + nonNull(http.reason());
        }
        if (failure instanceof ClientException && failure.getCause() == null) {
            return failure.getMessage();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    private static String required(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " is required for this authentication method");
        }
        return value;
    }

    private static String hostOf(URI uri) {
        return uri.getHost() == null ? "localhost" : uri.getHost();
    }

    /** No authentication (a local cluster with authentication off). */
    private static final class NoCredentials implements CredentialsProvider {

        @Override
        public void applyCredentials(CredentialsApplier applier) {
        }

        @Override
        public boolean shouldRetryRequest(StatusCode statusCode) {
            return false;
        }
    }
}
