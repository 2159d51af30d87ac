package org.hoptrace.calls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Batches received ({@code call_batch}) and the rows they rejected ({@code call_batch_rejection}). */
@Repository
class CallBatchRepository {

    private static final String COLUMNS = """
            batch_id, source_id, received_at, channel, received_by, format, layout, received, accepted, duplicates, rejected""";

    private final JdbcTemplate jdbc;

    CallBatchRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CallBatch batch) {
        jdbc.update("insert into call_batch (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                batch.id(), batch.sourceId(), Timestamp.from(batch.receivedAt()), batch.channel(), batch.receivedBy(),
                batch.format(), batch.layout(), batch.received(), batch.accepted(), batch.duplicates(), batch.rejected());
    }

    Optional<CallBatch> find(UUID sourceId, UUID batchId) {
        return jdbc.query("select " + COLUMNS + " from call_batch where batch_id = ? and source_id = ?", ROW, batchId, sourceId)
                .stream().findFirst();
    }

    /** The source's latest batches, newest first. */
    List<CallBatch> recent(UUID sourceId, int limit) {
        return jdbc.query("select " + COLUMNS + " from call_batch where source_id = ? order by received_at desc limit ?",
                ROW, sourceId, limit);
    }

    /** Writes the batch's rejected rows as CSV ({@code line,index,reasons}), streamed from the database. */
    @Transactional(readOnly = true)
    public void writeRejections(UUID batchId, Writer out) {
        try {
            out.write("line,index,reasons\r\n");
            jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement(
                        "select line, item_index, reasons from call_batch_rejection where batch_id = ? order by position");
                statement.setObject(1, batchId);
                statement.setFetchSize(1000);
                return statement;
            }, (ResultSet rs) -> {
                try {
                    long line = rs.getLong(1);
                    long index = rs.getLong(2);
                    String indexText = rs.wasNull() ? "" : String.valueOf(index);
                    out.write(line + "," + indexText + "," + quoted(rs.getString(3)) + "\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static final RowMapper<CallBatch> ROW = (ResultSet rs, int row) -> new CallBatch(
            rs.getObject("batch_id", UUID.class), rs.getObject("source_id", UUID.class),
            rs.getTimestamp("received_at").toInstant(), rs.getString("channel"), rs.getString("received_by"),
            rs.getString("format"), rs.getString("layout"), rs.getLong("received"), rs.getLong("accepted"),
            rs.getLong("duplicates"), rs.getLong("rejected"));
}
