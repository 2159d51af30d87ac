package org.hoptrace.calls;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.postgresql.copy.CopyManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a batch of calls for a source, streaming: rows are read one at a time, checked, and written
 * with COPY into a temporary staging table; then one {@code insert ... on conflict (source_id,
 * source_call_id) do nothing} moves the new ones into {@code call_record}. Bad rows go to the batch's
 * rejection list. All of it is one transaction: a body that turns out unreadable halfway leaves nothing.
 * After the commit, {@link CallsIngested} is published if calls were added.
 */
@Service
public class CallIngestion {

    /** How many rejected rows an answer lists; all of them are stored with the batch. */
    public static final int REPORTED_REJECTIONS = 100;

    /** Who sent the batch: the source with its key, or a staff member for it. */
    public enum Channel {
        API("api"), CONSOLE("console");

        private final String code;

        Channel(String code) {
            this.code = code;
        }
    }

    private static final String STAGING = """
            create temporary table call_staging (
                source_call_id text, calling_number text, called_number text, call_time timestamptz,
                duration_seconds int, attestation text, origination_id text, verdict text, transcript text,
                callback_number text, called_state text
            ) on commit drop""";
    private static final String MOVE = """
            insert into call_record (source_id, source_call_id, calling_number, called_number, call_time, duration_seconds,
                                     attestation, origination_id, verdict, transcript, callback_number, called_state, received_at)
            select ?, source_call_id, calling_number, called_number, call_time, duration_seconds, attestation,
                   origination_id, verdict, transcript, callback_number, called_state, ?
            from call_staging
            on conflict (source_id, source_call_id) do nothing""";

    private static final Logger log = LoggerFactory.getLogger(CallIngestion.class);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final CallSourceRepository sources;
    private final CallBatchRepository batches;
    private final ApplicationEventPublisher events;
    private final JsonFactory json;
    private final Clock clock;

    CallIngestion(DataSource dataSource, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                  CallSourceRepository sources, CallBatchRepository batches, ApplicationEventPublisher events,
                  ObjectMapper json, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.sources = sources;
        this.batches = batches;
        this.events = events;
        this.json = json.getFactory();
        this.clock = clock;
    }

    /**
     * Reads {@code body} as calls of {@code sourceId} and stores the good ones.
     *
     * @param layout hoptrace, fcc or ftc; null or blank: CSV batches are recognised by their header
     * @throws UnreadableCallsException the body is not calls at all; nothing was stored
     */
    public IngestReport ingest(UUID sourceId, Channel channel, String receivedBy, CallFormat format, String layout,
                               Charset charset, InputStream body) throws IOException {
        sources.get(sourceId);
        CallLayout requested = layout == null || layout.isBlank() ? null : CallLayout.ofCode(layout);
        if (requested != null && requested.isComplaints() && format != CallFormat.CSV) {
            throw new UnreadableCallsException("invalid-layout", "Unknown layout",
                    "the " + requested.code() + " layout is a CSV layout: send text/csv");
        }
        Reader text = new InputStreamReader(body, charset);
        CallInput input = switch (format) {
            case JSON -> new JsonCallInput(json, body);
            case NDJSON -> new NdjsonCallInput(json, text);
            case CSV -> new CsvCallInput(text, requested);
        };
        UUID batchId = UUID.randomUUID();
        Instant now = clock.instant();
        try (RejectionLog rejections = new RejectionLog(batchId, REPORTED_REJECTIONS)) {
            CallBatch batch = transaction.execute(status -> store(input, rejections,
                    new CallBatch(batchId, sourceId, now, channel.code, receivedBy, format.code(), input.layout().code(),
                            0, 0, 0, 0)));
            if (batch.accepted() > 0) {
                events.publishEvent(new CallsIngested(sourceId, batch.accepted()));
            }
            return new IngestReport(batchId, sourceId, batch.format(), batch.layout(), batch.received(), batch.accepted(),
                    batch.duplicates(), batch.rejected(), rejections.first(), rejections.count() > rejections.first().size(),
                    input.ignoredColumns(), null);
        }
    }

    private CallBatch store(CallInput input, RejectionLog rejections, CallBatch batch) {
        long started = System.nanoTime();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            jdbc.execute(STAGING);
            CopyManager copyApi = connection.unwrap(PGConnection.class).getCopyAPI();
            CopyRows rows = new CopyRows(copyApi.copyIn("copy call_staging from stdin"));
            CallNormaliser normaliser = new CallNormaliser(input.layout(), input.labels());
            long[] received = {0};
            long good;
            try {
                input.forEach(raw -> {
                    received[0]++;
                    CallNormaliser.Result result = normaliser.normalise(raw);
                    if (result.call() == null) {
                        rejections.add(raw, result.reasons());
                    } else {
                        NormalisedCall c = result.call();
                        rows.write(c.sourceCallId(), c.callingNumber(), c.calledNumber(), c.callTime(), c.durationSeconds(),
                                c.attestation(), c.originationId(), c.verdict(), c.transcript(), c.callbackNumber(),
                                c.calledState());
                    }
                });
                good = rows.finish();
            } catch (IOException | RuntimeException e) {
                rows.cancel();
                throw e;
            }
            long copied = System.nanoTime();
            if (received[0] == 0) {
                throw new UnreadableCallsException("the body holds no calls");
            }
            long accepted = jdbc.update(MOVE, batch.sourceId(), Timestamp.from(batch.receivedAt()));
            log.debug("Batch {}: {} rows read, checked and copied to staging in {} ms, {} moved to call_record in {} ms",
                    batch.id(), received[0], (copied - started) / 1_000_000, accepted, (System.nanoTime() - copied) / 1_000_000);
            CallBatch stored = new CallBatch(batch.id(), batch.sourceId(), batch.receivedAt(), batch.channel(),
                    batch.receivedBy(), batch.format(), batch.layout(), received[0], accepted, good - accepted,
                    rejections.count());
            batches.insert(stored);
            if (rejections.count() > 0) {
                try (Reader rejected = rejections.rows()) {
                    copyApi.copyIn("copy call_batch_rejection (batch_id, position, line, item_index, reasons) from stdin",
                            rejected);
                }
            }
            sources.countBatch(batch.sourceId(), accepted, rejections.count(), batch.receivedAt());
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into PostgreSQL failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
