package org.cadre.organization.roster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cadre.organization.roster.ImportRun.Status;
import org.cadre.shared.PageRequest;
import org.cadre.shared.PageResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The roster imports and their reports. Every write here runs in a short transaction of its own, so progress is
 * visible to the page while the import's long transaction is still open, and survives its rollback.
 */
@Repository
class ImportRuns {

    private static final String COLUMNS = """
            id, started_by, started_at, finished_at, package_name, preview, status, bytes_total, bytes_read,
            rows_validated, rows_written, rows_to_write, errors, warnings, message, counts::text as counts
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate own;
    private final JsonMapper json;

    ImportRuns(JdbcClient jdbc, JdbcTemplate batches, PlatformTransactionManager transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
    }

    long create(Long accountId, String startedBy, String packageName, boolean preview) {
        return own.execute(status -> jdbc.sql("""
                        insert into organization.roster_import (started_by_id, started_by, package_name, preview, status)
                        values (?, ?, ?, ?, 'QUEUED') returning id
                        """)
                .params(accountId, startedBy, packageName, preview)
                .query(Long.class)
                .single());
    }

    void progress(
            long id,
            Status status,
            long bytesTotal,
            long bytesRead,
            long rowsValidated,
            long rowsWritten,
            long rowsToWrite) {
        own.executeWithoutResult(s -> jdbc.sql("""
                        update organization.roster_import
                        set status = ?, bytes_total = ?, bytes_read = ?, rows_validated = ?, rows_written = ?, rows_to_write = ?
                        where id = ?
                        """)
                .params(status.name(), bytesTotal, bytesRead, rowsValidated, rowsWritten, rowsToWrite, id)
                .update());
    }

    void finish(long id, Status status, ImportReport report, String message) {
        own.executeWithoutResult(s -> {
            jdbc.sql("""
                            update organization.roster_import
                            set status = ?, finished_at = clock_timestamp(), errors = ?, warnings = ?, message = ?,
                                counts = cast(? as jsonb)
                            where id = ?
                            """)
                    .params(
                            status.name(),
                            report.errors(),
                            report.warnings(),
                            message,
                            json.writeValueAsString(report.countsAsMap()),
                            id)
                    .update();
            var batch = new ArrayList<Object[]>();
            int seq = 0;
            for (var issue : report.issues()) {
                batch.add(new Object[] {
                    id,
                    ++seq,
                    issue.severity().name(),
                    issue.file(),
                    issue.line(),
                    issue.column(),
                    issue.value(),
                    issue.reason()
                });
            }
            if (!batch.isEmpty()) {
                batches.batchUpdate("""
                        insert into organization.roster_import_issue
                            (import_id, seq, severity, file, line, column_name, value, reason)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """, batch);
            }
        });
    }

    /** Runs that were under way when the application stopped: their transaction rolled back, nothing was written. */
    int failInterrupted() {
        return own.execute(s -> jdbc.sql("""
                        update organization.roster_import
                        set status = 'FAILED', finished_at = clock_timestamp(),
                            message = 'Cadre stopped while this import ran; nothing of it was written. Run it again.'
                        where status in ('QUEUED', 'VALIDATING', 'WRITING')
                        """).update());
    }

    Optional<ImportRun> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from organization.roster_import where id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    PageResponse<ImportRun> history(PageRequest page) {
        long total = jdbc.sql("select count(*) from organization.roster_import")
                .query(Long.class)
                .single();
        var items = jdbc.sql("select " + COLUMNS + " from organization.roster_import order by id desc limit ? offset ?")
                .params(page.size(), page.offset())
                .query(this::map)
                .list();
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    List<ImportRun.Issue> issues(long id, int limit) {
        return jdbc.sql("""
                        select seq, severity, file, line, column_name, value, reason from organization.roster_import_issue
                        where import_id = ? order by seq limit ?
                        """)
                .params(id, limit)
                .query((rs, n) -> new ImportRun.Issue(
                        rs.getInt("seq"),
                        rs.getString("severity"),
                        rs.getString("file"),
                        (Long) rs.getObject("line"),
                        rs.getString("column_name"),
                        rs.getString("value"),
                        rs.getString("reason")))
                .list();
    }

    private ImportRun map(ResultSet rs, int row) throws SQLException {
        Map<String, Map<String, Object>> counts =
                json.readValue(rs.getString("counts"), new TypeReference<Map<String, Map<String, Object>>>() {});
        return new ImportRun(
                rs.getLong("id"),
                rs.getString("started_by"),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")),
                rs.getString("package_name"),
                rs.getBoolean("preview"),
                Status.valueOf(rs.getString("status")),
                rs.getLong("bytes_total"),
                rs.getLong("bytes_read"),
                rs.getLong("rows_validated"),
                rs.getLong("rows_written"),
                rs.getLong("rows_to_write"),
                rs.getInt("errors"),
                rs.getInt("warnings"),
                rs.getString("message"),
                counts);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
