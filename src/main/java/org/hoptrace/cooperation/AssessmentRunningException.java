package org.hoptrace.cooperation;

/** An assessment was asked for while another one runs (409 in the API). */
public class AssessmentRunningException extends IllegalStateException {

    AssessmentRunningException() {
        super("an assessment is running already; try again when it has finished");
    }
}
