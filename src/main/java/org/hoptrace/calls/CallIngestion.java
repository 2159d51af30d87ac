package org.hoptrace.calls;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a batch of calls for a source, streaming: one thread reads the rows one at a time, checks them and
 * encodes the good ones for COPY ({@link RowPipeline}); this thread sends them with COPY straight into
 * {@code call_record} and also to a spool file. If the COPY hits a call already stored (or one the batch
 * repeats), PostgreSQL refuses it with a unique violation: the COPY is rolled back to a savepoint, the spool
 * is copied into a temporary staging table and {@code insert ... on conflict (source_id, source_call_id) do
 * nothing} moves the new calls. New calls thus cost one COPY; only batches with duplicates pay for staging.
 * Bad rows go to the batch's rejection list. All of it is one transaction: a body that turns out unreadable
 * halfway leaves nothing. After the commit, {@link CallsIngested} is published if calls were added.
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

    private static final String COLUMNS = """
            source_id, source_call_id, calling_number, called_number, call_time, duration_seconds, attestation,
            origination_id, verdict, transcript, callback_number, called_state, received_at""";
    private static final String DIRECT = "copy call_record (" + COLUMNS + ") from stdin";
    private static final String STAGING = """
            create temporary table call_staging (
                source_id uuid, source_call_id text, calling_number text, called_number text, call_time timestamptz,
                duration_seconds int, attestation text, origination_id text, verdict text, transcript text,
                callback_number text, called_state text, received_at timestamptz
            ) on commit drop""";
    private static final String MOVE = "insert into call_record (" + COLUMNS + ") select " + COLUMNS
            + " from call_staging on conflict (source_id, source_call_id) do nothing";
    private static final String UNIQUE_VIOLATION = "23505";

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
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
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

    /** Rows read and rows that passed the checks. */
    private record Counts(long received, long good) {
    }

    private CallBatch store(CallInput input, RejectionLog rejections, CallBatch batch) {
        long started = System.nanoTime();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Path spool = null;
        try {
            spool = Files.createTempFile("hoptrace-calls-", ".copy");
            CopyManager copyApi = connection.unwrap(PGConnection.class).getCopyAPI();
            CallNormaliser normaliser = new CallNormaliser(input.layout(), input.labels());
            byte[] sourceId = batch.sourceId().toString().getBytes(StandardCharsets.US_ASCII);
            byte[] receivedAt = ("\t" + batch.receivedAt()).getBytes(StandardCharsets.US_ASCII);
            Savepoint beforeCopy = connection.setSavepoint();
            CopyIn direct = copyApi.copyIn(DIRECT);
            SQLException conflict = null;
            Counts counts;
            try (OutputStream spooled = Files.newOutputStream(spool);
                 RowPipeline pipeline = RowPipeline.start(rows -> read(input, normaliser, rejections, rows, sourceId, receivedAt))) {
                try {
                    for (RowPipeline.Chunk chunk = pipeline.take(); chunk != null; chunk = pipeline.take()) {
                        spooled.write(chunk.bytes(), 0, chunk.length());
                        if (conflict == null) {
                            try {
                                direct.writeToCopy(chunk.bytes(), 0, chunk.length());
                            } catch (SQLException e) {
                                conflict = e;
                            }
                        }
                        pipeline.release(chunk);
                    }
                    counts = pipeline.finish();
                } catch (IOException | RuntimeException e) {
                    cancel(direct);
                    throw e;
                }
            }
            long copied = System.nanoTime();
            if (counts.received() == 0) {
                cancel(direct);
                throw new UnreadableCallsException("the body holds no calls");
            }
            long accepted = 0;
            if (conflict == null) {
                try {
                    accepted = direct.endCopy();
                } catch (SQLException e) {
                    conflict = e;
                }
            } else {
                cancel(direct);
            }
            boolean deduplicated = conflict != null;
            if (deduplicated) {
                if (!UNIQUE_VIOLATION.equals(conflict.getSQLState())) {
                    throw conflict;
                }
                // some rows are already stored, or the batch repeats a call: store it again, through staging
                connection.rollback(beforeCopy);
                jdbc.execute(STAGING);
                try (InputStream rows = Files.newInputStream(spool)) {
                    copyApi.copyIn("copy call_staging (" + COLUMNS + ") from stdin", rows, 1 << 16);
                }
                accepted = jdbc.update(MOVE);
            } else {
                connection.releaseSavepoint(beforeCopy);
            }
            log.debug("Batch {}: {} rows read, checked and copied in {} ms, {} stored {} in {} ms", batch.id(),
                    counts.received(), (copied - started) / 1_000_000, accepted,
                    deduplicated ? "after deduplication" : "directly", (System.nanoTime() - copied) / 1_000_000);
            CallBatch stored = new CallBatch(batch.id(), batch.sourceId(), batch.receivedAt(), batch.channel(),
                    batch.receivedBy(), batch.format(), batch.layout(), counts.received(), accepted,
                    counts.good() - accepted, rejections.count());
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
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException e) {
                    log.warn("Could not delete {}", spool, e);
                }
            }
        }
    }

    /** On the reading thread: every row checked; good ones encoded for COPY, bad ones to the rejections. */
    private static Counts read(CallInput input, CallNormaliser normaliser, RejectionLog rejections, CopyRows rows,
                               byte[] sourceId, byte[] receivedAt) throws IOException {
        long[] counts = {0, 0};
        input.forEach(raw -> {
            counts[0]++;
            CallNormaliser.Result result = normaliser.normalise(raw);
            NormalisedCall c = result.call();
            if (c == null) {
                rejections.add(raw, result.reasons());
                return;
            }
            counts[1]++;
            rows.raw(sourceId);
            rows.text(c.sourceCallId(), false);
            rows.text(c.callingNumber(), false);
            rows.text(c.calledNumber(), false);
            rows.time(c.callTime());
            rows.number(c.durationSeconds());
            rows.text(c.attestation(), false);
            rows.text(c.originationId(), false);
            rows.text(c.verdict(), false);
            rows.text(c.transcript(), false);
            rows.text(c.callbackNumber(), false);
            rows.text(c.calledState(), false);
            rows.raw(receivedAt);
            rows.end();
        });
        return new Counts(counts[0], counts[1]);
    }

    /** Abandons a COPY that is still running (the batch is refused or stored another way). */
    private static void cancel(CopyIn copy) {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            // the COPY failed already, or the transaction is rolled back anyway
        }
    }
}
