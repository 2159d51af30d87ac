package org.hoptrace.campaign.detection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pure grouping core: messages, truncation, callback numbers, caller-ID patterns, categories. */
class CallGroupingTest {

    static final String WARRANTY = "we have been trying to reach you concerning your vehicle's extended warranty "
            + "you should have received something in the mail about your car's extended warranty since we have not "
            + "gotten a response we are giving you a final courtesy call before we close out your file press one "
            + "to speak with a warranty specialist about your options";
    static final String LOANS = "hello this is an urgent notice about your federal student loan account a new "
            + "forgiveness program may cancel your remaining balance but the deadline to apply is this friday "
            + "our records show you have not enrolled yet please press one now to speak with an enrollment "
            + "counselor or call us back today";

    private final DetectionParameters parameters = DetectionParameters.defaults();

    @Test
    void nearDuplicatesAndTruncatedVariantsJoinOneCampaignAndADifferentMessageDoesNot() {
        CallColumns calls = calls(
                WARRANTY,
                WARRANTY.replace("vehicle's", "vehicles").replace("final", "last"),
                WARRANTY.replace("press one", "press 1").replace("mail", "male"),
                truncate(WARRANTY, 0.5),
                truncate(WARRANTY.replace("options", "choices"), 0.6),
                LOANS,
                LOANS.replace("friday", "monday"),
                LOANS.replace("urgent", "important"),
                "hi grandma it is me call me back when you get this message please love you");
        Groups groups = new CallGrouping(parameters).group(Anchors.none(parameters.hashes()), calls);

        assertThat(groups.created()).isEqualTo(2);
        int warranty = groups.groupOf(0);
        assertThat(warranty).isGreaterThanOrEqualTo(0);
        assertThat(new int[] {groups.groupOf(1), groups.groupOf(2), groups.groupOf(3), groups.groupOf(4)})
                .containsOnly(warranty);
        int loans = groups.groupOf(5);
        assertThat(loans).isNotEqualTo(warranty).isGreaterThanOrEqualTo(0);
        assertThat(groups.groupOf(6)).isEqualTo(loans);
        assertThat(groups.groupOf(7)).isEqualTo(loans);
        assertThat(groups.groupOf(8)).as("a one-off call is in no campaign").isEqualTo(-1);
        assertThat(calls.transcripts[groups.representative(warranty - groups.existingCampaigns())])
                .as("the representative is a whole message, not a truncated one").doesNotEndWith("mail about");
    }

    @Test
    void twoCallsAreNotYetACampaignButJoinOneLater() {
        CallColumns first = calls(LOANS, LOANS.replace("friday", "monday"));
        Groups none = new CallGrouping(parameters).group(Anchors.none(parameters.hashes()), first);
        assertThat(none.created()).isZero();
        assertThat(none.groupOf(0)).isEqualTo(-1);

        Anchors anchors = new Anchors(parameters.hashes());
        int campaign = anchors.addCampaign();
        anchors.addExemplar(campaign, first.shingles[0], java.util.Arrays.copyOf(first.signatures, parameters.hashes()));
        CallColumns later = calls(truncate(LOANS.replace("urgent", "important"), 0.7), WARRANTY);
        Groups joined = new CallGrouping(parameters).group(anchors, later);
        assertThat(joined.groupOf(0)).isEqualTo(campaign);
        assertThat(joined.groupOf(1)).isEqualTo(-1);
    }

    @Test
    void callsWithTheSameCallbackNumberAreOneCampaignWithOrWithoutTranscript() {
        CallColumns calls = new CallColumns(8, parameters.hashes());
        calls.add(1, "your account has a problem call us", null, "+12025550101", "+13125550101", "+18885550123", null);
        calls.add(2, null, null, "+14155550199", "+13125550102", "+18885550123", null);
        calls.add(3, "press nine for a refund of your payment", null, "+16175550123", "+13125550103", "+18885550123", null);
        calls.add(4, null, null, "+17135550123", "+13125550104", "+18885550999", null);
        calls.sign(parameters);
        Groups groups = new CallGrouping(parameters).group(Anchors.none(parameters.hashes()), calls);
        assertThat(groups.created()).isEqualTo(1);
        assertThat(groups.groupOf(1)).isEqualTo(groups.groupOf(0)).isEqualTo(groups.groupOf(2)).isEqualTo(0);
        assertThat(groups.groupOf(3)).isEqualTo(-1);
    }

    @Test
    void callsWithoutMessageFromOnePrefixWithVaryingLineNumbersAreACampaign() {
        CallColumns calls = new CallColumns(8, parameters.hashes());
        calls.add(1, null, null, "+12025550101", "+13125550101", null, null);
        calls.add(2, null, null, "+12025557302", "+14155550102", null, null);
        calls.add(3, null, null, "+12025554403", "+16175550103", null, null);
        calls.add(4, null, null, "+19175550104", "+17185550104", null, null);
        calls.add(5, null, null, "+17185551111", "+17185552222", null, "orig-1");
        calls.add(6, null, null, "+13125553333", "+13125554444", null, "orig-1");
        calls.add(7, null, null, "+16175557777", "+16175558888", null, "orig-1");
        calls.sign(parameters);
        Groups groups = new CallGrouping(parameters).group(Anchors.none(parameters.hashes()), calls);
        assertThat(groups.created()).isEqualTo(2);
        assertThat(groups.groupOf(0)).isEqualTo(groups.groupOf(1)).isEqualTo(groups.groupOf(2)).isGreaterThanOrEqualTo(0);
        assertThat(groups.groupOf(3)).isEqualTo(-1);
        assertThat(groups.groupOf(4)).as("neighbour spoofing from one origination")
                .isEqualTo(groups.groupOf(5)).isEqualTo(groups.groupOf(6)).isNotEqualTo(groups.groupOf(0));
    }

    @Test
    void categoryIsGuessedFromTheMessageElseFromTheVerdicts() {
        assertThat(Categories.of(WARRANTY)).isEqualTo("auto-warranty");
        assertThat(Categories.of(LOANS)).isEqualTo("student-loans");
        assertThat(Categories.of("this is the social security administration your number is suspended"))
                .isEqualTo("government-impersonation");
        assertThat(Categories.guess("hello hello", java.util.List.of("health insurance", "health_insurance", "spam")))
                .isEqualTo("health-insurance");
        assertThat(Categories.guess(null, java.util.List.of("spam"))).isEqualTo("other");
        assertThat(Categories.name(WARRANTY, "x")).endsWith("\u2026").hasSizeLessThanOrEqualTo(61);
    }

    static String truncate(String text, double share) {
        String[] words = text.split(" ");
        return String.join(" ", java.util.Arrays.copyOf(words, (int) (words.length * share)));
    }

    private CallColumns calls(String... transcripts) {
        CallColumns calls = new CallColumns(transcripts.length, parameters.hashes());
        for (int i = 0; i < transcripts.length; i++) {
            calls.add(i, transcripts[i], null, "+1202555" + (1000 + i), "+13125550100", null, null);
        }
        calls.sign(parameters);
        return calls;
    }
}
