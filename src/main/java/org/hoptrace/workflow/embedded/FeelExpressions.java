package org.hoptrace.workflow.embedded;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hoptrace.workflow.feel.Feel;
import org.hoptrace.workflow.feel.FeelException;
import org.hoptrace.workflow.model.ZeebeModelConverter;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.VariableScope;

/**
 * The bridge through which converted models evaluate Camunda 8 FEEL on the embedded engine.
 * The converter rewrites every {@code =expression} into a JUEL call on this bean, registered as
 * {@value #BEAN_NAME}, for example {@code ${hoptraceFeel.condition(execution, 'amount > 100')}}.
 * Variables are read as Camunda 8 sees them: {@code loopCounter} counts from 1.
 */
public class FeelExpressions {

    public static final String BEAN_NAME = ZeebeModelConverter.FEEL_BEAN;

    private final Feel feel;

    public FeelExpressions(Feel feel) {
        this.feel = feel;
    }

    /** Any value: input/output mappings, script tasks, called process ids. */
    public Object value(VariableScope scope, String expression) {
        return feel.evaluate(expression, variablesOf(scope));
    }

    /** A sequence-flow or completion condition: only {@code true} takes the flow. */
    public boolean condition(VariableScope scope, String expression) {
        return Boolean.TRUE.equals(value(scope, expression));
    }

    /** A string: assignee, correlation key, due date. Numbers become their decimal text. */
    public String text(VariableScope scope, String expression) {
        Object value = value(scope, expression);
        return value == null ? null : String.valueOf(value);
    }

    /** A list: multi-instance input collection, candidate groups or users ("a,b" or ["a","b"]). */
    public Collection<Object> list(VariableScope scope, String expression) {
        Object value = value(scope, expression);
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        if (value instanceof String text) {
            return new ArrayList<>(Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
        }
        throw new FeelException("expected a list from '" + expression + "' but got " + value);
    }

    /**
     * A timer definition: a duration or cycle stays ISO-8601 text, a date-time becomes a Date, so the
     * engine schedules it exactly.
     */
    public Object timer(VariableScope scope, String expression) {
        Object value = value(scope, expression);
        if (value == null) {
            throw new FeelException("timer expression '" + expression + "' evaluated to null");
        }
        String text = value.toString();
        if (text.startsWith("P") || text.startsWith("R") || text.startsWith("-P")) {
            return text;
        }
        return Date.from(parseInstant(text, expression));
    }

    /**
     * Collects one multi-instance element's output into the output collection, at the position of
     * its loop counter, as Camunda 8's outputCollection/outputElement do.
     */
    @SuppressWarnings("unchecked")
    public Object collectOutput(DelegateExecution execution, String outputCollection, String outputElement) {
        Object element = value(execution, outputElement);
        int index = ((Number) execution.getVariable("loopCounter")).intValue();
        int size = ((Number) execution.getVariable("nrOfInstances")).intValue();
        Object current = execution.getVariable(outputCollection);
        List<Object> list = current instanceof List<?> existing && existing.size() == size
                ? new ArrayList<>((List<Object>) existing)
                : new ArrayList<>(java.util.Collections.nCopies(size, null));
        list.set(index, element);
        execution.setVariable(outputCollection, list);
        return element;
    }

    /** The variables visible from a scope, with Camunda 8's 1-based {@code loopCounter}. */
    static Map<String, Object> variablesOf(VariableScope scope) {
        Map<String, Object> variables = new HashMap<>(scope.getVariables());
        if (variables.get("loopCounter") instanceof Number counter) {
            variables.put("loopCounter", counter.longValue() + 1);
        }
        return variables;
    }

    private static Instant parseInstant(String text, String expression) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return ZonedDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notZoned) {
                try {
                    return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notLocal) {
                    throw new FeelException("timer expression '" + expression
                            + "' gave '" + text + "', which is neither an ISO-8601 duration, cycle nor date-time");
                }
            }
        }
    }
}
