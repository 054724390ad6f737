package org.cadre.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cadre.audit.AuditTrail;
import org.cadre.organization.SchoolYears;
import org.cadre.shared.ConflictException;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.CurrentUsers;
import org.cadre.shared.NotFoundException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The school years' policies. Other capabilities ask {@link #inForce(long)} for the version that applies and
 * record its id with every result. A year that has never had a policy adopts Cadre's default the first time
 * it is asked for.
 */
@Service
public class Policies {

    static final String DEFAULT_DOCUMENT = "policy/default-policy.yaml";

    private final JdbcClient jdbc;
    private final SchoolYears schoolYears;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    /** Adopted versions never change (a trigger refuses it), so each is read and parsed once. */
    private final Map<Long, PolicyVersion> adopted = new ConcurrentHashMap<>();

    Policies(
            JdbcClient jdbc,
            SchoolYears schoolYears,
            AuditTrail audit,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.schoolYears = schoolYears;
        this.audit = audit;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The policy in force for a school year: its latest adopted version. A year asked for the first time adopts
     * Cadre's default in a transaction of its own, so that a caller that only reads (a page, in a read-only
     * transaction) gets it too.
     */
    public PolicyVersion inForce(long schoolYearId) {
        return latestAdoptedId(schoolYearId)
                .map(this::adoptedVersion)
                .orElseGet(() -> ownTransaction.execute(status -> {
                    // Serialise first adoptions of the same year, so two callers cannot both adopt version 1.
                    jdbc.sql("select pg_advisory_xact_lock(hashtext('policy'), cast(? as integer))")
                            .param(schoolYearId)
                            .query(rs -> {});
                    return latestAdopted(schoolYearId).orElseGet(() -> adoptDefault(schoolYearId));
                }));
    }

    private Optional<Long> latestAdoptedId(long schoolYearId) {
        return jdbc.sql("select id from policy.policy_version where school_year_id = ? and status = 'ADOPTED'"
                        + " order by version desc limit 1")
                .param(schoolYearId)
                .query(Long.class)
                .optional();
    }

    private PolicyVersion adoptedVersion(long id) {
        var known = adopted.get(id);
        if (known != null) {
            return known;
        }
        var read = version(id);
        if (read.status() == PolicyVersion.Status.ADOPTED) {
            adopted.put(id, read);
        }
        return read;
    }

    /** The policy in force for the current school year, if there is a current year. */
    public Optional<PolicyVersion> inForceThisYear() {
        return schoolYears.current().map(year -> inForce(year.id()));
    }

    public List<PolicyVersion> versions(long schoolYearId) {
        return jdbc.sql(SELECT + " where p.school_year_id = ? order by p.version desc")
                .param(schoolYearId)
                .query(this::map)
                .list();
    }

    public PolicyVersion version(long id) {
        return jdbc.sql(SELECT + " where p.id = ?")
                .param(id)
                .query(this::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("Policy version", id));
    }

    /** Validates a document and keeps it as the year's next version, not yet in force. */
    @Transactional
    public PolicyVersion draft(CurrentUser author, long schoolYearId, String text, String note) {
        var document = PolicyReader.read(text);
        requireYear(schoolYearId);
        var id = insert(schoolYearId, document, text, note, PolicyVersion.Status.DRAFT, actor(author));
        var created = version(id);
        audit.created(
                "policy-version",
                id,
                null,
                "Policy draft v" + created.version() + " for " + created.schoolYear(),
                document);
        return created;
    }

    /** Puts a draft in force. From now on it never changes; a later change is a new version. */
    @Transactional
    public PolicyVersion adopt(CurrentUser approver, long versionId) {
        var draft = version(versionId);
        if (draft.status() == PolicyVersion.Status.ADOPTED) {
            throw new ConflictException("Version " + draft.version() + " is already adopted");
        }
        var newer = latestAdopted(draft.schoolYearId());
        if (newer.isPresent() && newer.get().version() > draft.version()) {
            throw new ConflictException("Version " + newer.get().version()
                    + " was adopted after this draft was written; write a new draft from it");
        }
        jdbc.sql(
                        "update policy.policy_version set status = 'ADOPTED', adopted_at = ?, adopted_by = ? where id = ? and status = 'DRAFT'")
                .params(Timestamp.from(clock.instant()), actor(approver), versionId)
                .update();
        var adopted = version(versionId);
        audit.changed(
                "policy-version",
                versionId,
                null,
                "Policy v" + adopted.version() + " adopted for " + adopted.schoolYear(),
                "DRAFT",
                "ADOPTED");
        return adopted;
    }

    /** Cadre's default document, as shipped. */
    public static String defaultText() {
        try {
            return new ClassPathResource(DEFAULT_DOCUMENT).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PolicyVersion adoptDefault(long schoolYearId) {
        requireYear(schoolYearId);
        var text = defaultText();
        var document = PolicyReader.read(text);
        var actor = actor(CurrentUsers.find().orElse(null));
        var id = insert(schoolYearId, document, text, "Cadre's default policy", PolicyVersion.Status.ADOPTED, actor);
        var adopted = version(id);
        audit.created("policy-version", id, null, "Default policy adopted for " + adopted.schoolYear(), document);
        return adopted;
    }

    private long insert(
            long schoolYearId,
            PolicyDocument document,
            String text,
            String note,
            PolicyVersion.Status status,
            String actor) {
        int next = jdbc.sql("select coalesce(max(version), 0) + 1 from policy.policy_version where school_year_id = ?")
                .param(schoolYearId)
                .query(Integer.class)
                .single();
        // An adopted row may not be updated (trigger), so a first adoption inserts with its adoption stamp.
        return jdbc.sql("""
                        insert into policy.policy_version (school_year_id, version, status, document, source_text, note, created_by,
                            adopted_at, adopted_by)
                        values (?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        schoolYearId,
                        next,
                        status.name(),
                        PolicyReader.toJson(document),
                        text,
                        note,
                        actor,
                        status == PolicyVersion.Status.ADOPTED ? Timestamp.from(clock.instant()) : null,
                        status == PolicyVersion.Status.ADOPTED ? actor : null)
                .query(Long.class)
                .single();
    }

    private Optional<PolicyVersion> latestAdopted(long schoolYearId) {
        return jdbc.sql(SELECT + " where p.school_year_id = ? and p.status = 'ADOPTED' order by p.version desc limit 1")
                .param(schoolYearId)
                .query(this::map)
                .optional();
    }

    private String yearName(long schoolYearId) {
        return schoolYears.all().stream()
                .filter(y -> y.id() == schoolYearId)
                .map(org.cadre.organization.SchoolYear::name)
                .findFirst()
                .orElse("school year " + schoolYearId);
    }

    private void requireYear(long schoolYearId) {
        if (schoolYears.all().stream().noneMatch(y -> y.id() == schoolYearId)) {
            throw new NotFoundException("School year", schoolYearId);
        }
    }

    private static String actor(CurrentUser user) {
        return user == null ? "system" : user.displayName() + " <" + user.email() + ">";
    }

    private static final String SELECT = """
            select p.*, p.document::text as document_json from policy.policy_version p""";

    private PolicyVersion map(ResultSet rs, int row) throws SQLException {
        return new PolicyVersion(
                rs.getLong("id"),
                rs.getLong("school_year_id"),
                yearName(rs.getLong("school_year_id")),
                rs.getInt("version"),
                PolicyVersion.Status.valueOf(rs.getString("status")),
                PolicyReader.fromJson(rs.getString("document_json")),
                rs.getString("source_text"),
                rs.getString("note"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                rs.getTimestamp("adopted_at") == null
                        ? null
                        : rs.getTimestamp("adopted_at").toInstant(),
                rs.getString("adopted_by"));
    }
}
