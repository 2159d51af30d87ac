package org.hoptrace.cooperation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The record of every assessment run (table {@code cooperation_assessment_run}). */
@Repository
class AssessmentRuns {

    private static final int MAX_ERROR_LENGTH = 1000;

    private final JdbcTemplate jdbc;

    AssessmentRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long start(String trigger, String requestedBy, Instant assessedAt) {
        return jdbc.queryForObject("""
                insert into cooperation_assessment_run (trigger, requested_by, assessed_at, started_at)
                values (?, ?, ?, ?) returning run_id""", Long.class,
                trigger, requestedBy, Timestamp.from(assessedAt), Timestamp.from(assessedAt));
    }

    void finish(long runId, Instant finishedAt, long durationMs, int providers, int statusChanges, int flags) {
        jdbc.update("""
                update cooperation_assessment_run set finished_at = ?, duration_ms = ?, providers_assessed = ?,
                       status_changes = ?, flags_raised = ? where run_id = ?""",
                Timestamp.from(finishedAt), durationMs, providers, statusChanges, flags, runId);
    }

    void fail(long runId, Instant finishedAt, long durationMs, String error) {
        String message = error == null ? "unknown error" : error;
        jdbc.update("update cooperation_assessment_run set finished_at = ?, duration_ms = ?, error = ? where run_id = ?",
                Timestamp.from(finishedAt), durationMs,
                message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message, runId);
    }

    AssessmentRun get(long runId) {
        return jdbc.queryForObject("select * from cooperation_assessment_run where run_id = ?", RUN, runId);
    }

    Optional<AssessmentRun> latest() {
        return recent(1).stream().findFirst();
    }

    List<AssessmentRun> recent(int limit) {
        return jdbc.query("select * from cooperation_assessment_run order by run_id desc limit ?", RUN, limit);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static final RowMapper<AssessmentRun> RUN = (rs, row) -> new AssessmentRun(rs.getLong("run_id"),
            rs.getString("trigger"), rs.getString("requested_by"), instant(rs, "assessed_at"), instant(rs, "started_at"),
            instant(rs, "finished_at"), rs.getObject("duration_ms", Long.class),
            rs.getObject("providers_assessed", Integer.class), rs.getObject("status_changes", Integer.class),
            rs.getObject("flags_raised", Integer.class), rs.getString("error"));
}
