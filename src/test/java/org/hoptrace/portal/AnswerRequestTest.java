package org.hoptrace.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.hoptrace.traceback.AnswerContent;
import org.hoptrace.traceback.HopAnswer;
import org.junit.jupiter.api.Test;

class AnswerRequestTest {

    @Test
    void onlyTheFieldsOfTheChosenAnswerAndTheCommentAreKept() {
        AnswerRequest.Parsed parsed = new AnswerRequest("not-found", UUID.randomUUID().toString(), "Upstream", "a@b.example",
                "+1", "US", "Customer", "details", "  No CDR  ", " note ").parse();

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.content()).isEqualTo(new AnswerContent(HopAnswer.Type.NOT_FOUND, null, null, null, null, null,
                null, null, "No CDR", "note"));
    }

    @Test
    void anUnregisteredUpstreamsCountryIsReadInCapitals() {
        AnswerRequest.Parsed parsed = new AnswerRequest("upstream-unregistered", null, "Overseas Telecom Ltd",
                "noc@overseas.example", null, "gb", null, null, null, null).parse();

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.content().upstreamCountry()).isEqualTo("GB");
    }

    @Test
    void anUnknownTypeIsTheOnlyProblemReported() {
        assertThat(new AnswerRequest("upstream", null, null, null, null, null, null, null, null, null).parse().problems())
                .containsOnlyKeys("type");
        assertThat(new AnswerRequest(" ", null, null, null, null, null, null, null, null, null).parse().problems())
                .containsOnlyKeys("type");
    }

    @Test
    void anUpstreamIdThatIsNoIdIsReportedOnItsField() {
        assertThat(new AnswerRequest("upstream-registered", "Acme Voice", null, null, null, null, null, null, null, null)
                .parse().problems()).containsEntry("upstreamProviderId", "'Acme Voice' is not a provider id");
    }

    @Test
    void blankFieldsCountAsMissing() {
        assertThat(new AnswerRequest("origin", null, null, null, null, null, "   ", null, null, null).parse().problems())
                .containsOnlyKeys("customerName");
    }
}
