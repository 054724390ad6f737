package org.cadre.audit;

import org.cadre.shared.CurrentUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records changes to domain data. Call it inside the transaction that makes the change, so that the change
 * and its record commit or roll back together. The actor is the signed-in person, or "system" for work no
 * person started (imports from the command line, the demo loader).
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditTrail(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Something new was created; {@code after} is its state, serialised as JSON. */
    public void created(String entityType, Object entityId, Long campusId, String summary, Object after) {
        append(AuditAction.CREATE, entityType, entityId, campusId, summary, null, after);
    }

    /** Something was changed from {@code before} to {@code after}. */
    public void changed(
            String entityType, Object entityId, Long campusId, String summary, Object before, Object after) {
        append(AuditAction.UPDATE, entityType, entityId, campusId, summary, before, after);
    }

    /** Something was deleted (or deactivated, where the domain never deletes); {@code before} is its last state. */
    public void deleted(String entityType, Object entityId, Long campusId, String summary, Object before) {
        append(AuditAction.DELETE, entityType, entityId, campusId, summary, before, null);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void append(
            AuditAction action,
            String entityType,
            Object entityId,
            Long campusId,
            String summary,
            Object before,
            Object after) {
        var actor = CurrentUsers.find();
        jdbc.sql("""
                        insert into audit.audit_entry
                            (actor_id, actor_name, action, entity_type, entity_id, campus_id, summary, before_state, after_state)
                        values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))
                        """)
                .params(
                        actor.map(u -> u.accountId()).orElse(null),
                        actor.map(u -> u.displayName() + " <" + u.email() + ">").orElse("system"),
                        action.name(),
                        entityType,
                        String.valueOf(entityId),
                        campusId,
                        summary,
                        before == null ? null : json.writeValueAsString(before),
                        after == null ? null : json.writeValueAsString(after))
                .update();
    }
}
