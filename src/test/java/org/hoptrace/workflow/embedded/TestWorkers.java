package org.hoptrace.workflow.embedded;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.hoptrace.workflow.ActivatedJob;
import org.hoptrace.workflow.BpmnError;
import org.hoptrace.workflow.JobWorker;
import org.springframework.stereotype.Component;

/** Job workers used by the engine tests, with a count of the calls each got. */
@Component
public class TestWorkers {

    public record Order(String orderId, long amount) {
    }

    public record Receipt(String receipt, long charged) {
    }

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    public int calls(String key) {
        return calls.computeIfAbsent(key, k -> new AtomicInteger()).get();
    }

    private void count(String key) {
        calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    @JobWorker(type = "test-charge")
    public Receipt charge(Order order, ActivatedJob job) {
        count("charge:" + order.orderId());
        return new Receipt("R-" + order.orderId() + "-" + job.customHeaders().getOrDefault("prefix", ""), order.amount());
    }

    @JobWorker(type = "test-reject")
    public void reject(Order order) {
        count("reject:" + order.orderId());
        throw new BpmnError("ORDER_REJECTED", "order " + order.orderId() + " rejected", Map.of("reason", "too large"));
    }

    @JobWorker(type = "test-broken", retryBackoff = "PT1M")
    public void broken(Order order) {
        count("broken:" + order.orderId());
        throw new IllegalStateException("payment service unavailable");
    }

    @JobWorker(type = "test-echo")
    public Map<String, Object> echo(Map<String, Object> variables) {
        count("echo:" + variables.get("orderId"));
        return Map.of("echoed", variables.getOrDefault("loopCounter", "none"));
    }
}
