package org.hoptrace.workflow.model;

import org.hoptrace.workflow.feel.Feel;

/**
 * Turns Camunda 8 model values into the JUEL text Operaton evaluates: FEEL expressions become
 * calls on the {@code hoptraceFeel} bean, literals stay literal.
 */
final class FeelCall {

    private FeelCall() {
    }

    /** {@code ${hoptraceFeel.method(execution, 'feel')}} for a model value {@code =feel}. */
    static String of(String method, String modelValue) {
        return call(method, Feel.stripMarker(modelValue));
    }

    /** {@code ${hoptraceFeel.method(execution, 'arg1', ...)}} with each argument quoted. */
    static String call(String method, String... arguments) {
        StringBuilder call = new StringBuilder("${").append(ZeebeModelConverter.FEEL_BEAN).append('.')
                .append(method).append("(execution");
        for (String argument : arguments) {
            call.append(", ").append(quoted(argument));
        }
        return call.append(")}").toString();
    }

    /** A FEEL call for {@code =expr} values, the literal itself otherwise. */
    static String orLiteral(String method, String modelValue) {
        return Feel.isExpression(modelValue) ? of(method, modelValue) : literal(modelValue);
    }

    /** A string constant Operaton will not mistake for an expression. */
    static String literal(String value) {
        return value.contains("${") || value.contains("#{") ? "${" + quoted(value) + "}" : value;
    }

    /** A JUEL single-quoted string literal. */
    static String quoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
