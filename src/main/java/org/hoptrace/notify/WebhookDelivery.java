package org.hoptrace.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Component;

/**
 * POSTs an outbox webhook, signed as docs/webhooks.md describes. Any 2xx answer is a delivery;
 * everything else, including no answer within the timeout, is a failed attempt.
 */
@Component
class WebhookDelivery {

    private static final int ERROR_EXCERPT_BYTES = 200;

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    WebhookDelivery(OutboxSettings settings, Clock clock) {
        this.timeout = settings.webhookTimeout();
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    void post(OutboxMessage message) throws DeliveryFailedException, InterruptedException {
        if (message.signingSecret() == null || message.signingSecret().isEmpty()) {
            throw new DeliveryFailedException("the provider has no webhook secret to sign with", true);
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(message.recipient())).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", message.idempotencyKey())
                    .header("Hoptrace-Event", message.subject())
                    .header("Hoptrace-Timestamp", Long.toString(timestamp))
                    .header("Hoptrace-Signature", WebhookSignature.sign(message.signingSecret(), timestamp, message.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(message.body(), StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new DeliveryFailedException("not a usable webhook URL: " + e.getMessage(), true, e);
        }
        HttpResponse<String> response = exchange(request);
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            String excerpt = response.body();
            throw new DeliveryFailedException("HTTP " + status + (excerpt.isEmpty() ? "" : ": " + excerpt), rejected(status));
        }
    }

    /** The response with an excerpt of its body if it is an error; all within the timeout. */
    private HttpResponse<String> exchange(HttpRequest request) throws DeliveryFailedException, InterruptedException {
        CompletableFuture<HttpResponse<String>> response = http.sendAsync(request,
                info -> new ResponseExcerpt(info.statusCode() / 100 == 2 ? 0 : ERROR_EXCERPT_BYTES));
        try {
            return response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            response.cancel(true);
            throw new DeliveryFailedException("no answer within " + timeout, false, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof HttpTimeoutException
                    ? new DeliveryFailedException("no answer within " + timeout, false, cause)
                    : new DeliveryFailedException(String.valueOf(cause), false, cause);
        } catch (InterruptedException e) {
            response.cancel(true);
            throw e;
        }
    }

    /** 4xx other than 408 (timeout) and 429 (too many requests): the endpoint refuses this request as such. */
    static boolean rejected(int status) {
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }
}
