package org.hoptrace.workflow.feel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * FEEL as Camunda 8 uses it: expressions parsed once and cached, evaluated against a map of
 * variables, results returned as JSON-compatible Java values (strings, Long/Double numbers,
 * booleans, lists, maps, null; dates, times and durations as ISO-8601 strings).
 * Uses the same FEEL engine as the embedded DMN engine, so decisions and models agree.
 */
public final class Feel {

    private final FeelEngineApi engine;
    private final Map<String, ParsedExpression> parsed = new ConcurrentHashMap<>();

    /** @param now the clock FEEL's {@code now()} and {@code today()} read (the engine clock) */
    public Feel(Supplier<java.time.Instant> now) {
        this.engine = FeelEngineBuilder.forJava()
                .withClock(() -> ZonedDateTime.ofInstant(now.get(), ZoneOffset.UTC))
                .build();
    }

    /** Strips the leading {@code =} that marks a FEEL expression in a Camunda 8 model. */
    public static String stripMarker(String value) {
        String trimmed = value.trim();
        return trimmed.startsWith("=") ? trimmed.substring(1).trim() : trimmed;
    }

    /** True when a model attribute value is a FEEL expression ({@code =...}) rather than a literal. */
    public static boolean isExpression(String value) {
        return value != null && value.trim().startsWith("=");
    }

    /** The parse error of an expression, or empty when it parses. */
    public Optional<String> parseError(String expression) {
        ParseResult result = engine.parseExpression(expression);
        return result.isSuccess() ? Optional.empty() : Optional.of(result.failure().message());
    }

    /** Evaluates an expression; a parse or evaluation failure raises {@link FeelException}. */
    public Object evaluate(String expression, Map<String, Object> variables) {
        ParsedExpression expr = parsed.computeIfAbsent(expression, this::parse);
        EvaluationResult result = engine.evaluate(expr, variables);
        if (!result.isSuccess()) {
            throw new FeelException("failed to evaluate FEEL expression '" + expression + "': "
                    + result.failure().message());
        }
        return toJsonCompatible(result.result());
    }

    private ParsedExpression parse(String expression) {
        ParseResult result = engine.parseExpression(expression);
        if (!result.isSuccess()) {
            throw new FeelException("FEEL expression '" + expression + "' does not parse: "
                    + result.failure().message());
        }
        return result.parsedExpression();
    }

    /** Converts FEEL results to the value kinds a JSON document can hold. */
    static Object toJsonCompatible(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean
                || value instanceof Long || value instanceof Integer || value instanceof Double) {
            return value;
        }
        if (value instanceof BigDecimal decimal) {
            return numberOf(decimal);
        }
        if (value instanceof BigInteger integer) {
            return numberOf(new BigDecimal(integer));
        }
        if (value instanceof Number number) {
            return numberOf(new BigDecimal(number.toString()));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), toJsonCompatible(v)));
            return copy;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> copy = new ArrayList<>(collection.size());
            collection.forEach(v -> copy.add(toJsonCompatible(v)));
            return copy;
        }
        if (value instanceof TemporalAccessor || value instanceof TemporalAmount) {
            return value.toString();
        }
        return value.toString();
    }

    private static Object numberOf(BigDecimal decimal) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                && stripped.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0) {
            return stripped.longValueExact();
        }
        return decimal.doubleValue();
    }
}
