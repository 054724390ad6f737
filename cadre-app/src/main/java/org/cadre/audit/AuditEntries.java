package org.cadre.audit;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.cadre.shared.PageRequest;
import org.cadre.shared.PageResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the audit trail, newest first. */
@Repository
public class AuditEntries {

    private final JdbcClient jdbc;

    AuditEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PageResponse<AuditEntry> find(AuditQuery query, PageRequest page) {
        var where = new StringBuilder(" where true");
        var params = new ArrayList<Object>();
        if (query.entityType() != null && !query.entityType().isBlank()) {
            where.append(" and entity_type = ?");
            params.add(query.entityType());
        }
        if (query.entityId() != null && !query.entityId().isBlank()) {
            where.append(" and entity_id = ?");
            params.add(query.entityId());
        }
        if (query.actor() != null && !query.actor().isBlank()) {
            where.append(" and actor_name ilike ?");
            params.add("%" + query.actor().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (query.action() != null) {
            where.append(" and action = ?");
            params.add(query.action().name());
        }
        if (query.from() != null) {
            where.append(" and occurred_at >= ?");
            params.add(query.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (query.to() != null) {
            where.append(" and occurred_at < ?");
            params.add(query.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        long total = jdbc.sql("select count(*) from audit.audit_entry" + where)
                .params(params)
                .query(Long.class)
                .single();
        var pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<AuditEntry> items = jdbc.sql("""
                        select id, occurred_at, actor_id, actor_name, action, entity_type, entity_id, campus_id, summary,
                               before_state::text as before_state, after_state::text as after_state
                        from audit.audit_entry""" + where + " order by occurred_at desc, id desc limit ? offset ?")
                .params(pageParams)
                .query(AuditEntries::map)
                .list();
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    /**
     * The newest entries, without counting the whole trail and without their before and after states (a home
     * page shows them on every visit, by time, person and summary; the audit pages show the states).
     */
    public List<AuditEntry> recent(int count) {
        return jdbc.sql("""
                        select id, occurred_at, actor_id, actor_name, action, entity_type, entity_id, campus_id, summary,
                               null as before_state, null as after_state
                        from audit.audit_entry order by occurred_at desc, id desc limit ?
                        """).param(count).query(AuditEntries::map).list();
    }

    private static AuditEntry map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                (Long) rs.getObject("actor_id"),
                rs.getString("actor_name"),
                AuditAction.valueOf(rs.getString("action")),
                rs.getString("entity_type"),
                rs.getString("entity_id"),
                (Long) rs.getObject("campus_id"),
                rs.getString("summary"),
                rs.getString("before_state"),
                rs.getString("after_state"));
    }
}
