package org.hoptrace.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The signature scheme of docs/webhooks.md, with the worked example given there. */
class WebhookSignatureTest {

    // docs/webhooks.md, "Worked example": the same secret, timestamp, body and signature
    static final String SECRET = "whsec_5f0c6a7e2b9d4c31a8e7f2d6b0c9e4a1";
    static final String TIMESTAMP = "1795187405";
    static final String BODY = "{\"event\":\"hop.requested\",\"hopId\":\"3f6d2c1e-8b4a-4f0e-9c7d-5a1b2e3f4d60\","
            + "\"tracebackReference\":\"TB-2026-000042\",\"hopNumber\":2,\"call\":{\"callingNumber\":\"+12025550143\","
            + "\"calledNumber\":\"+13125550178\",\"callTime\":\"2026-11-20T15:04:05Z\",\"attestation\":\"C\","
            + "\"originationId\":\"9a3f7c2e-5b1d-4e8a-b6f0-0c2d4e6f8a1b\"},\"deadline\":\"2026-11-21T15:10:05Z\","
            + "\"responseUrl\":\"https://hoptrace.example.org/api/v1/hops/3f6d2c1e-8b4a-4f0e-9c7d-5a1b2e3f4d60/response\","
            + "\"portalUrl\":\"https://hoptrace.example.org/portal/hops/3f6d2c1e-8b4a-4f0e-9c7d-5a1b2e3f4d60"
            + "?token=P20sHotKTw6cfVobLj9NYAAAAABqTv7t.2vJ4uq1Q0zX8mYc3bN7kLr5tHw9eFp6aGd1sVx2oQiU\"}";
    // computed with: { printf '%s.' 1795187405; cat body.json; } | openssl dgst -sha256 -hmac "$SECRET"
    static final String SIGNATURE = "v1=fab0182e0a126e0338f2c4f9fa38486c0764ba9b044819e8fa88b6135958f738";

    @Test
    void theSignatureIsTheHexHmacOfTimestampDotBodyAsOpensslComputesIt() {
        assertThat(WebhookSignature.sign(SECRET, Long.parseLong(TIMESTAMP), BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void verifyAcceptsTheSignatureOfTheWorkedExample() {
        assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, SIGNATURE)).isTrue();
    }

    @Test
    void verifyRejectsAnyChangeToBodyTimestampOrSecret() {
        assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY.replace("\"hopNumber\":2", "\"hopNumber\":3"), SIGNATURE))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, "1795187406", BODY, SIGNATURE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET + "x", TIMESTAMP, BODY, SIGNATURE)).isFalse();
    }

    @Test
    void verifyRejectsMalformedOrMissingSignatures() {
        assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, SIGNATURE.substring(3))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, "v2=" + SIGNATURE.substring(3))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, "v1=not-hex")).isFalse();
        assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, SIGNATURE.substring(0, 40))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, null)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, null, BODY, SIGNATURE)).isFalse();
        assertThat(WebhookSignature.verify("", TIMESTAMP, BODY, SIGNATURE)).isFalse();
    }
}
