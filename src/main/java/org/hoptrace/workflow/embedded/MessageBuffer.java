package org.hoptrace.workflow.embedded;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.workflow.MessagePublication;
import org.hoptrace.workflow.PublishedMessage;
import org.hoptrace.workflow.PublishedMessage.Status;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.runtime.MessageCorrelationResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Camunda 8 message semantics on the embedded engine. A published message is stored first, then
 * correlated to the open subscriptions with its name and correlation key (converted models name
 * their subscriptions {@code name::key}). When none is open it waits, for its time-to-live, until
 * one opens. A message id is accepted once. Storing before correlating means no message is lost
 * when a subscription opens at the same moment.
 */
final class MessageBuffer {

    static final String KEY_SEPARATOR = "::";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RuntimeService runtime;
    private final ObjectMapper json;

    MessageBuffer(JdbcTemplate jdbc, TransactionTemplate transactions, RuntimeService runtime, ObjectMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.runtime = runtime;
        this.json = json;
    }

    PublishedMessage publish(MessagePublication message) {
        Instant now = ClockUtil.now().toInstant();
        List<Long> inserted = jdbc.queryForList("""
                insert into workflow_message (name, correlation_key, message_id, variables, published_at, expires_at)
                values (?, ?, ?, ?::jsonb, ?, ?)
                on conflict (name, message_id) where message_id is not null do nothing
                returning message_key""", Long.class,
                message.name(), message.correlationKey(), message.messageId(), toJson(message.variables()),
                Timestamp.from(now), Timestamp.from(now.plus(message.timeToLive())));
        if (inserted.isEmpty()) {
            Long existing = jdbc.queryForObject("select message_key from workflow_message where name = ? and message_id = ?",
                    Long.class, message.name(), message.messageId());
            return new PublishedMessage(String.valueOf(existing), Status.DUPLICATE);
        }
        long key = inserted.get(0);
        if (deliver(key)) {
            return new PublishedMessage(String.valueOf(key), Status.CORRELATED);
        }
        boolean buffered = !message.timeToLive().isZero();
        return new PublishedMessage(String.valueOf(key), buffered ? Status.BUFFERED : Status.EXPIRED);
    }

    /** Delivers every waiting message whose subscription has opened meanwhile. Returns how many. */
    int deliverPending() {
        List<Long> keys = jdbc.queryForList("""
                select m.message_key from workflow_message m
                where m.correlated_at is null and m.expires_at > ?
                  and exists (select 1 from act_ru_event_subscr s
                              where s.event_type_ = 'message' and s.event_name_ = m.name || '::' || m.correlation_key)
                order by m.message_key""", Long.class, Timestamp.from(ClockUtil.now().toInstant()));
        int delivered = 0;
        for (long key : keys) {
            if (deliver(key)) {
                delivered++;
            }
        }
        return delivered;
    }

    /** Correlates one stored message in one transaction with marking it delivered. */
    private boolean deliver(long key) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            List<Map<String, Object>> rows = jdbc.queryForList("""
                    select name, correlation_key, variables::text as variables from workflow_message
                    where message_key = ? and correlated_at is null for update skip locked""", key);
            if (rows.isEmpty()) {
                return false;
            }
            Map<String, Object> row = rows.get(0);
            String subscription = row.get("name") + KEY_SEPARATOR + row.get("correlation_key");
            List<MessageCorrelationResult> results = runtime.createMessageCorrelation(subscription)
                    .setVariables(fromJson((String) row.get("variables")))
                    .correlateAllWithResult();
            if (results.isEmpty()) {
                return false;
            }
            String processInstance = results.get(0).getExecution() != null
                    ? results.get(0).getExecution().getProcessInstanceId()
                    : results.get(0).getProcessInstance().getId();
            jdbc.update("update workflow_message set correlated_at = ?, process_instance_key = ? where message_key = ?",
                    Timestamp.from(ClockUtil.now().toInstant()), processInstance, key);
            return true;
        }));
    }

    /** Forgets messages that expired or were delivered longer ago than the retention. */
    int purge(Duration retention) {
        Timestamp before = Timestamp.from(ClockUtil.now().toInstant().minus(retention));
        return jdbc.update("delete from workflow_message where coalesce(correlated_at, expires_at) < ?", before);
    }

    private String toJson(Map<String, Object> variables) {
        try {
            return json.writeValueAsString(variables);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("message variables are not JSON-compatible: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> fromJson(String variables) {
        try {
            return json.readValue(variables, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored message variables are not JSON: " + e.getMessage(), e);
        }
    }
}
