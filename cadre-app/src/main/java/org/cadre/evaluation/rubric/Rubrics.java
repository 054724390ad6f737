package org.cadre.evaluation.rubric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cadre.audit.AuditTrail;
import org.cadre.policy.Policies;
import org.cadre.shared.ConflictException;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.CurrentUsers;
import org.cadre.shared.ForbiddenException;
import org.cadre.shared.NotFoundException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rubrics and which one each school year uses. A year's rubric is fixed the first time the year needs one
 * (the rubric its policy names, in its latest version); a district administrator may load another rubric for a
 * year that has no observations yet, which never touches earlier years: their observations and summative
 * ratings keep the rubric version they were made under.
 */
@Service
public class Rubrics {

    /** A line of the rubric list. */
    public record Listed(long id, String key, int version, String name, String loadedBy, java.time.Instant loadedAt) {}

    static final String DEFAULT_KEY = "texas-default";

    private final JdbcClient jdbc;
    private final Policies policies;
    private final AuditTrail audit;
    private final JsonMapper json = JsonMapper.shared();
    private final Map<Long, Rubric> cache = new ConcurrentHashMap<>();

    private final TransactionTemplate ownTransaction;

    Rubrics(JdbcClient jdbc, Policies policies, AuditTrail audit, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.audit = audit;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A stored rubric version; rubrics never change, so they are kept in memory once read. */
    public Rubric byId(long id) {
        var cached = cache.get(id);
        if (cached != null) {
            return cached;
        }
        var rubric = jdbc.sql("select id, version, definition::text as definition from evaluation.rubric where id = ?")
                .param(id)
                .query((rs, n) -> withIdentity(
                        json.readValue(rs.getString("definition"), Rubric.class),
                        rs.getLong("id"),
                        rs.getInt("version")))
                .optional()
                .orElseThrow(() -> new NotFoundException("Rubric", id));
        cache.put(id, rubric);
        return rubric;
    }

    public List<Listed> all() {
        return jdbc.sql(
                        "select id, key, version, name, loaded_by, loaded_at from evaluation.rubric order by key, version desc")
                .query(Listed.class)
                .list();
    }

    /** The school years and the rubric each uses, by year id. */
    public Map<Long, Long> yearsInForce() {
        var years = new java.util.TreeMap<Long, Long>();
        jdbc.sql("select school_year_id, rubric_id from evaluation.rubric_in_force")
                .query(rs -> {
                    years.put(rs.getLong(1), rs.getLong(2));
                });
        return years;
    }

    /**
     * The rubric a school year uses, fixing it on first use. Fixing it writes, in a transaction of its own, so
     * that a caller that only reads (a page, in a read-only transaction) gets it too.
     */
    public Rubric inForce(long schoolYearId) {
        var fixed = fixedFor(schoolYearId);
        if (fixed.isPresent()) {
            return byId(fixed.get());
        }
        return byId(ownTransaction.execute(status -> fix(schoolYearId)));
    }

    private long fix(long schoolYearId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('evaluation.rubric'), cast(? as integer))")
                .param(schoolYearId)
                .query(rs -> {});
        var fixed = fixedFor(schoolYearId);
        if (fixed.isPresent()) {
            return fixed.get();
        }
        var key = policies.inForce(schoolYearId).document().evaluation().rubric();
        var latest = latestOf(key)
                .or(() -> DEFAULT_KEY.equals(key)
                        ? Optional.of(insert(RubricReader.read(defaultText()), defaultText(), "system"))
                        : Optional.empty())
                .orElseThrow(() -> new NotFoundException("Rubric named by the policy", key));
        jdbc.sql("insert into evaluation.rubric_in_force (school_year_id, rubric_id, decided_by) values (?, ?, ?)")
                .params(schoolYearId, latest, actor(CurrentUsers.find().orElse(null)))
                .update();
        audit.created(
                "rubric-in-force",
                schoolYearId,
                null,
                "Rubric " + key + " fixed for school year " + schoolYearId,
                Map.of("rubricId", latest));
        return latest;
    }

    /**
     * Loads a rubric file as the rubric of a school year. Refused if the file is malformed (every problem listed),
     * if the person is not a district administrator, or if the year already has observations under its rubric.
     */
    @Transactional
    public Rubric load(CurrentUser user, long schoolYearId, String text) {
        if (!user.isDistrictAdmin()) {
            throw new ForbiddenException("Only district administrators load rubrics");
        }
        var rubric = RubricReader.read(text);
        var current = fixedFor(schoolYearId);
        if (current.isPresent()) {
            boolean used = jdbc.sql("select exists (select 1 from evaluation.observation where school_year_id = ?)")
                    .param(schoolYearId)
                    .query(Boolean.class)
                    .single();
            if (used) {
                throw new ConflictException("School year " + schoolYearId
                        + " already has observations under its rubric; load the new rubric for a later school year");
            }
        }
        var id = insert(rubric, text, actor(user));
        jdbc.sql("""
                        insert into evaluation.rubric_in_force (school_year_id, rubric_id, decided_by) values (?, ?, ?)
                        on conflict (school_year_id) do update set rubric_id = excluded.rubric_id,
                            decided_at = now(), decided_by = excluded.decided_by
                        """).params(schoolYearId, id, actor(user)).update();
        var loaded = byId(id);
        audit.created(
                "rubric",
                id,
                null,
                "Rubric " + loaded.key() + " v" + loaded.version() + " loaded for school year " + schoolYearId,
                Map.of("key", loaded.key(), "version", loaded.version(), "schoolYearId", schoolYearId));
        return loaded;
    }

    public static String defaultText() {
        try {
            return new ClassPathResource("evaluation/rubrics/texas-default.yaml")
                    .getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long insert(Rubric rubric, String text, String actor) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('evaluation.rubric-key'), hashtext(?))")
                .param(rubric.key())
                .query(rs -> {});
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from evaluation.rubric where key = ?")
                .param(rubric.key())
                .query(Integer.class)
                .single();
        var stored = withIdentity(rubric, 0, version);
        return jdbc.sql("""
                        insert into evaluation.rubric (key, version, name, definition, source_text, loaded_by)
                        values (?, ?, ?, cast(? as jsonb), ?, ?) returning id
                        """)
                .params(rubric.key(), version, rubric.name(), json.writeValueAsString(stored), text, actor)
                .query(Long.class)
                .single();
    }

    private Optional<Long> fixedFor(long schoolYearId) {
        return jdbc.sql("select rubric_id from evaluation.rubric_in_force where school_year_id = ?")
                .param(schoolYearId)
                .query(Long.class)
                .optional();
    }

    private Optional<Long> latestOf(String key) {
        return jdbc.sql("select id from evaluation.rubric where key = ? order by version desc limit 1")
                .param(key)
                .query(Long.class)
                .optional();
    }

    private static Rubric withIdentity(Rubric rubric, long id, int version) {
        return new Rubric(id, rubric.key(), version, rubric.name(), rubric.levels(), rubric.domains());
    }

    private static String actor(CurrentUser user) {
        return user == null ? "system" : user.displayName() + " <" + user.email() + ">";
    }
}
