package org.hoptrace.cooperation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hoptrace.workflow.WorkflowEngine;
import org.springframework.stereotype.Component;

/**
 * Decision {@code provider-cooperation} (dmn/provider-cooperation.dmn): a record's status and next
 * escalation step. The table is a pure function of its inputs, so a batch evaluates each distinct
 * combination of inputs once.
 */
@Component
class CooperationDecision {

    static final String DECISION_ID = "provider-cooperation";

    /** The decision's result: status {@code cooperative|watch|non-cooperative}, next step {@code none|monitor|escalate}. */
    record Verdict(String status, String nextStep) {

        boolean escalate() {
            return "escalate".equals(nextStep);
        }
    }

    private final WorkflowEngine engine;

    CooperationDecision(WorkflowEngine engine) {
        this.engine = engine;
    }

    Verdict decide(CooperationRecord record) {
        return evaluate(inputs(record));
    }

    /** One verdict per record, in the same order. */
    List<Verdict> decide(List<CooperationRecord> records) {
        Map<Map<String, Object>, Verdict> decided = new HashMap<>();
        return records.stream().map(record -> decided.computeIfAbsent(inputs(record), this::evaluate)).toList();
    }

    /** The decision's input variables, named as in the table. */
    static Map<String, Object> inputs(CooperationRecord record) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("listedNonCooperative", record.listedNonCooperative());
        inputs.put("nonResponsive90d", record.last90Days().nonResponsive());
        inputs.put("onTimeRate90d", record.last90Days().onTimeRate());
        inputs.put("notFound90d", record.last90Days().notFound());
        inputs.put("origin12m", record.last12Months().origin());
        inputs.put("foreignGateway12m", record.last12Months().foreignGateway());
        inputs.put("insufficient12m", record.last12Months().insufficient());
        return inputs;
    }

    private Verdict evaluate(Map<String, Object> inputs) {
        List<Map<String, Object>> result = engine.evaluateDecision(DECISION_ID, inputs);
        if (result.isEmpty()) {
            throw new IllegalStateException("decision " + DECISION_ID + " matched no rule for " + inputs);
        }
        return new Verdict(String.valueOf(result.get(0).get("status")), String.valueOf(result.get(0).get("nextStep")));
    }
}
