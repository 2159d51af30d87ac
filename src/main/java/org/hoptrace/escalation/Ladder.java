package org.hoptrace.escalation;

/**
 * The steps of the escalation ladder (docs/escalation.md), as {@code escalation.step} and the
 * {@code step} header of the notice jobs in bpmn/provider-escalation.bpmn name them.
 */
final class Ladder {

    static final String WARNING = "warning";
    static final String REVIEW = "review";
    static final String REFERRAL = "referral";
    static final String CEASE_AND_DESIST = "cease-and-desist";
    static final String PUBLIC_NOTICE = "public-notice";
    static final String INITIAL_DETERMINATION = "initial-determination";
    static final String FINAL_DETERMINATION = "final-determination";
    static final String RMD_REMOVAL = "rmd-removal";

    private Ladder() {
    }

    /** The step's name in notices and on the console. */
    static String title(String step) {
        return switch (step) {
            case WARNING -> "Warning notice";
            case REVIEW -> "Staff review";
            case REFERRAL -> "Referral to agencies";
            case CEASE_AND_DESIST -> "Cease-and-desist letter";
            case PUBLIC_NOTICE -> "Public notice";
            case INITIAL_DETERMINATION -> "Initial determination order";
            case FINAL_DETERMINATION -> "Final determination";
            case RMD_REMOVAL -> "Removal from the Robocall Mitigation Database";
            default -> throw new IllegalArgumentException("no ladder step '" + step + "'");
        };
    }
}
