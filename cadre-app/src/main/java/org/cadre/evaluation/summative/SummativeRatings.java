package org.cadre.evaluation.summative;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cadre.audit.AuditTrail;
import org.cadre.evaluation.SummativeRatingFinalized;
import org.cadre.evaluation.appraisal.AppraisalAccess;
import org.cadre.evaluation.appraisal.TeacherPlacement;
import org.cadre.evaluation.appraisal.Teachers;
import org.cadre.evaluation.rubric.PerformanceDomain;
import org.cadre.evaluation.rubric.Rubric;
import org.cadre.evaluation.rubric.Rubrics;
import org.cadre.evaluation.rules.CompositeWeights;
import org.cadre.evaluation.rules.DimensionRatingRule;
import org.cadre.evaluation.rules.EffectivenessCutPoints;
import org.cadre.evaluation.rules.FinalRatingSource;
import org.cadre.evaluation.rules.ObservedRating;
import org.cadre.evaluation.rules.SummativeCalculation;
import org.cadre.policy.Policies;
import org.cadre.policy.PolicyVersion;
import org.cadre.shared.ConflictException;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.ForbiddenException;
import org.cadre.shared.InvalidInputException;
import org.cadre.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Computing, adjusting and finalizing summative ratings. Drafts are recomputed from the year's shared
 * observations and the appraiser's inputs whenever asked; a finalized rating never changes (the database refuses
 * too). Every rating records the rubric and the policy version it was computed under.
 */
@Service
public class SummativeRatings {

    /** Where the student growth measure came from while the growth module has not landed. */
    public static final String APPRAISER_ENTERED = "APPRAISER_ENTERED";

    private final JdbcClient jdbc;
    private final Rubrics rubrics;
    private final Policies policies;
    private final Teachers teachers;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.shared();

    SummativeRatings(
            JdbcClient jdbc,
            Rubrics rubrics,
            Policies policies,
            Teachers teachers,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.rubrics = rubrics;
        this.policies = policies;
        this.teachers = teachers;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The teacher's summative of the current year as the person may see it; empty if none exists yet. */
    @Transactional(readOnly = true)
    public Optional<SummativeRating> of(CurrentUser user, long teacherId) {
        var teacher = teachers.placement(user, teacherId);
        var year = teachers.currentYear();
        var summative = find(year.id(), teacherId);
        if (AppraisalAccess.isTheTeacher(user, teacher)) {
            return summative.filter(SummativeRating::finalized);
        }
        if (!AppraisalAccess.maySeeDrafts(user, teacher)) {
            throw new NotFoundException("Teacher", teacherId);
        }
        return summative;
    }

    public Optional<SummativeRating> find(long schoolYearId, long teacherId) {
        return jdbc.sql("select s.*, s.weights::text as weights_json, s.domain_scores::text as domain_json"
                        + " from evaluation.summative s where school_year_id = ? and teacher_staff_id = ?")
                .params(schoolYearId, teacherId)
                .query(this::map)
                .optional()
                .map(this::withLines);
    }

    /** Computes (or recomputes) the teacher's draft from the year's shared observations and the inputs so far. */
    @Transactional
    public SummativeRating compute(CurrentUser user, long teacherId) {
        var teacher = requireAppraiser(user, teacherId);
        var year = teachers.currentYear();
        requireDraft(year.id(), teacherId);
        long campus = teacher.campusIds().stream().sorted().findFirst().orElseThrow();
        recompute(year.id(), Set.of(teacherId), Map.of(teacherId, campus));
        var computed = find(year.id(), teacherId).orElseThrow();
        audit.changed(
                "summative",
                computed.id(),
                computed.campusId(),
                "Summative draft computed for teacher " + teacherId,
                null,
                auditState(computed));
        return computed;
    }

    /** Records the conference, judgements and growth measure, then recomputes the draft. */
    @Transactional
    public SummativeRating record(CurrentUser user, long teacherId, int version, SummativeInputs inputs) {
        var teacher = requireAppraiser(user, teacherId);
        var year = teachers.currentYear();
        var existing = requireDraft(year.id(), teacherId);
        if (existing.isPresent() && existing.get().version() != version) {
            throw new ConflictException("Someone else changed this summative after you opened it, so your change was"
                    + " not saved. Your entries are still on the page; reload to see the other changes.");
        }
        var rubric = rubrics.inForce(year.id());
        var policy = policies.inForce(year.id());
        check(rubric, policy, inputs);
        long campus = teacher.campusIds().stream().sorted().findFirst().orElseThrow();
        recompute(year.id(), Set.of(teacherId), Map.of(teacherId, campus));
        var summativeId = find(year.id(), teacherId).orElseThrow().id();
        jdbc.sql("""
                        update evaluation.summative set conference_on = ?, conference_evidence = ?, student_growth = ?,
                            student_growth_source = ?, version = version + 1
                        where id = ?
                        """)
                .params(
                        inputs.conferenceOn(),
                        inputs.conferenceEvidence() == null
                                ? null
                                : inputs.conferenceEvidence().strip(),
                        inputs.studentGrowth(),
                        inputs.studentGrowth() == null ? null : APPRAISER_ENTERED,
                        summativeId)
                .update();
        for (var dimension : rubric.dimensions().toList()) {
            var code = dimension.code();
            jdbc.sql(
                            "update evaluation.summative_dimension set conference_rating = ?, judgement = ? where summative_id = ? and dimension_code = ?")
                    .params(
                            inputs.conferenceRatings() == null
                                    ? null
                                    : inputs.conferenceRatings().get(code),
                            inputs.judgements() == null || inputs.judgements().get(code) == null
                                    ? null
                                    : BigDecimal.valueOf(inputs.judgements().get(code)),
                            summativeId,
                            code)
                    .update();
        }
        recompute(year.id(), Set.of(teacherId), Map.of(teacherId, campus));
        var saved = find(year.id(), teacherId).orElseThrow();
        audit.changed(
                "summative",
                saved.id(),
                saved.campusId(),
                "Summative inputs recorded for teacher " + teacherId,
                existing.map(this::auditState).orElse(null),
                auditState(saved));
        return saved;
    }

    /** Finalizes a complete draft; from now on it never changes. Tells other capabilities. */
    @Transactional
    public SummativeRating finalize(CurrentUser user, long teacherId, int version) {
        requireAppraiser(user, teacherId);
        var year = teachers.currentYear();
        var draft = requireDraft(year.id(), teacherId)
                .orElseThrow(() -> new ConflictException("Compute the summative before finalizing it"));
        if (draft.version() != version) {
            throw new ConflictException("Someone else changed this summative after you opened it; reload and check it"
                    + " before finalizing");
        }
        recompute(year.id(), Set.of(teacherId), Map.of(teacherId, draft.campusId()));
        var current = find(year.id(), teacherId).orElseThrow();
        if (!current.complete()) {
            throw new InvalidInputException(
                    "summative",
                    "cannot be finalized while these are missing: " + String.join(", ", current.missing()));
        }
        var now = clock.instant();
        jdbc.sql(
                        "update evaluation.summative set status = 'FINALIZED', finalized_at = ?, finalized_by = ?, version = version + 1 where id = ?")
                .params(Timestamp.from(now), user.staffId(), current.id())
                .update();
        var finalized = find(year.id(), teacherId).orElseThrow();
        audit.changed(
                "summative",
                finalized.id(),
                finalized.campusId(),
                "Summative rating finalized for teacher " + teacherId + ": " + finalized.composite() + " "
                        + finalized.effectivenessLevel(),
                auditState(current),
                auditState(finalized));
        events.publishEvent(new SummativeRatingFinalized(
                finalized.id(),
                teacherId,
                year.id(),
                finalized.policyVersionId(),
                finalized.composite(),
                finalized.effectivenessLevel(),
                now));
        return finalized;
    }

    /**
     * Recomputes the drafts of every teacher of the year who has a shared observation or a draft; finalized ratings
     * are left alone. One audit entry records the run.
     *
     * @return how many drafts were computed
     */
    @Transactional
    public int computeYear(long schoolYearId) {
        int count = recompute(schoolYearId, null, Map.of());
        audit.changed(
                "summative-run",
                schoolYearId,
                null,
                "Summative drafts computed for " + count + " teachers",
                null,
                Map.of("schoolYearId", schoolYearId, "teachers", count));
        return count;
    }

    // The arithmetic runs in SummativeCalculation; this reads its inputs and writes its results set-wise.
    private int recompute(long schoolYearId, Set<Long> only, Map<Long, Long> campusOf) {
        var rubric = rubrics.inForce(schoolYearId);
        var policy = policies.inForce(schoolYearId);
        var evaluation = policy.document().evaluation();
        var calculation = new SummativeCalculation(
                new DimensionRatingRule(evaluation.summativeRule()),
                CompositeWeights.of(evaluation.weights()),
                new EffectivenessCutPoints(evaluation.effectivenessLevels()));
        var zone = clock.getZone();
        Long[] filter = only == null ? null : only.toArray(Long[]::new);

        var observed = new HashMap<Long, Map<String, List<ObservedRating>>>();
        var campuses = new HashMap<Long, Long>(campusOf);
        jdbc.sql("""
                        select o.id, o.teacher_staff_id, o.campus_id,
                               cast(extract(epoch from coalesce(o.started_at, o.scheduled_for)) as bigint) as observed_at,
                               r.dimension_code, r.rating
                        from evaluation.observation o join evaluation.observation_rating r on r.observation_id = o.id
                        where o.school_year_id = ? and o.rubric_id = ? and o.status in ('SHARED', 'ACKNOWLEDGED')
                          and (cast(? as bigint[]) is null or o.teacher_staff_id = any(?))
                        order by o.id
                        """).params(schoolYearId, rubric.id(), filter, filter).query(rs -> {
            long teacher = rs.getLong("teacher_staff_id");
            campuses.putIfAbsent(teacher, rs.getLong("campus_id"));
            observed.computeIfAbsent(teacher, t -> new HashMap<>())
                    .computeIfAbsent(rs.getString("dimension_code"), d -> new ArrayList<>())
                    .add(new ObservedRating(
                            rs.getLong("id"),
                            LocalDate.ofInstant(java.time.Instant.ofEpochSecond(rs.getLong("observed_at")), zone),
                            rs.getInt("rating")));
        });

        record Existing(long id, String status, BigDecimal growth, long campus) {}
        var existing = new HashMap<Long, Existing>();
        jdbc.sql("""
                        select id, teacher_staff_id, status, student_growth, campus_id from evaluation.summative
                        where school_year_id = ? and (cast(? as bigint[]) is null or teacher_staff_id = any(?))
                        """).params(schoolYearId, filter, filter).query(rs -> {
            existing.put(
                    rs.getLong("teacher_staff_id"),
                    new Existing(
                            rs.getLong("id"),
                            rs.getString("status"),
                            rs.getBigDecimal("student_growth"),
                            rs.getLong("campus_id")));
        });
        var judgements = new HashMap<Long, Map<String, BigDecimal>>();
        var conference = new HashMap<Long, Map<String, Integer>>();
        jdbc.sql("""
                        select s.teacher_staff_id, d.dimension_code, d.judgement, d.conference_rating
                        from evaluation.summative s join evaluation.summative_dimension d on d.summative_id = s.id
                        where s.school_year_id = ? and s.status = 'DRAFT'
                          and (cast(? as bigint[]) is null or s.teacher_staff_id = any(?))
                        """).params(schoolYearId, filter, filter).query(rs -> {
            long teacher = rs.getLong(1);
            if (rs.getBigDecimal(3) != null) {
                judgements.computeIfAbsent(teacher, t -> new HashMap<>()).put(rs.getString(2), rs.getBigDecimal(3));
            }
            if (rs.getObject(4) != null) {
                conference.computeIfAbsent(teacher, t -> new HashMap<>()).put(rs.getString(2), rs.getInt(4));
            }
        });

        var teachersToCompute = new HashSet<Long>(observed.keySet());
        existing.forEach((teacher, row) -> {
            if (row.status().equals("DRAFT")) {
                teachersToCompute.add(teacher);
            }
        });
        if (only != null) {
            teachersToCompute.addAll(only);
        }
        existing.forEach((teacher, row) -> {
            if (row.status().equals("FINALIZED")) {
                teachersToCompute.remove(teacher);
            }
        });
        if (teachersToCompute.isEmpty()) {
            return 0;
        }
        var shapes = rubric.domains().stream()
                .map(d -> new SummativeCalculation.DomainShape(
                        d.code(),
                        d.performanceDomain() == PerformanceDomain.PROFESSIONAL_ROLES,
                        d.dimensions().stream().map(Rubric.Dimension::code).toList()))
                .toList();
        var weights = json.writeValueAsString(Map.of(
                "instructionalQuality", evaluation.weights().instructionalQuality(),
                "studentGrowth", evaluation.weights().studentGrowth(),
                "professionalRoles", evaluation.weights().professionalRoles()));
        var now = Timestamp.from(clock.instant());

        int n = teachersToCompute.size();
        var tTeacher = new Long[n];
        var tCampus = new Long[n];
        var tIq = new String[n];
        var tPr = new String[n];
        var tComposite = new String[n];
        var tLevel = new String[n];
        var tMissing = new String[n];
        var tDomains = new String[n];
        var results = new LinkedHashMap<Long, SummativeCalculation.Result>();
        int i = 0;
        for (long teacher : teachersToCompute) {
            var prior = existing.get(teacher);
            var result = calculation.calculate(new SummativeCalculation.Inputs(
                    shapes,
                    observed.getOrDefault(teacher, Map.of()),
                    judgements.getOrDefault(teacher, Map.of()),
                    conference.getOrDefault(teacher, Map.of()),
                    prior == null ? null : prior.growth()));
            results.put(teacher, result);
            tTeacher[i] = teacher;
            tCampus[i] = campuses.getOrDefault(teacher, prior == null ? 0L : prior.campus());
            tIq[i] = text(result.instructionalQuality());
            tPr[i] = text(result.professionalRoles());
            tComposite[i] = text(result.composite());
            tLevel[i] = result.effectivenessLevel();
            tMissing[i] = String.join("\u001f", result.missing());
            var domainScores = new LinkedHashMap<String, String>();
            result.domainScores()
                    .forEach((code, score) -> domainScores.put(code, score == null ? null : score.toPlainString()));
            tDomains[i] = json.writeValueAsString(domainScores);
            i++;
        }
        // A draft whose figures did not change is not rewritten (its version stays, so no one's open page goes
        // stale); the upsert returns only new and changed rows, the others keep the id read above.
        var ids = new HashMap<Long, Long>();
        existing.forEach((teacher, row) -> {
            if (row.status().equals("DRAFT") && teachersToCompute.contains(teacher)) {
                ids.put(teacher, row.id());
            }
        });
        jdbc.sql("""
                        insert into evaluation.summative (school_year_id, teacher_staff_id, campus_id, rubric_id, policy_version_id,
                            rule, status, instructional_quality, professional_roles, composite, effectiveness_level, missing,
                            domain_scores, weights, computed_at)
                        select ?, t.teacher, t.campus, ?, ?, ?, 'DRAFT', cast(t.iq as numeric), cast(t.pr as numeric),
                               cast(t.composite as numeric), t.level,
                               case when t.missing = '' then '{}'::text[] else string_to_array(t.missing, chr(31)) end,
                               cast(t.domains as jsonb), cast(? as jsonb), ?
                        from unnest(cast(? as bigint[]), cast(? as bigint[]), cast(? as text[]), cast(? as text[]),
                                    cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))
                             as t(teacher, campus, iq, pr, composite, level, missing, domains)
                        on conflict (school_year_id, teacher_staff_id) do update set
                            rubric_id = excluded.rubric_id, policy_version_id = excluded.policy_version_id, rule = excluded.rule,
                            instructional_quality = excluded.instructional_quality,
                            professional_roles = excluded.professional_roles, composite = excluded.composite,
                            effectiveness_level = excluded.effectiveness_level, missing = excluded.missing,
                            domain_scores = excluded.domain_scores, weights = excluded.weights,
                            computed_at = excluded.computed_at, version = evaluation.summative.version + 1
                        where evaluation.summative.status = 'DRAFT'
                          and (evaluation.summative.rubric_id, evaluation.summative.policy_version_id, evaluation.summative.rule,
                               evaluation.summative.instructional_quality, evaluation.summative.professional_roles,
                               evaluation.summative.composite, evaluation.summative.effectiveness_level,
                               evaluation.summative.missing, evaluation.summative.domain_scores, evaluation.summative.weights,
                               evaluation.summative.campus_id)
                              is distinct from
                              (excluded.rubric_id, excluded.policy_version_id, excluded.rule, excluded.instructional_quality,
                               excluded.professional_roles, excluded.composite, excluded.effectiveness_level, excluded.missing,
                               excluded.domain_scores, excluded.weights, excluded.campus_id)
                        returning id, teacher_staff_id
                        """)
                .params(
                        schoolYearId,
                        rubric.id(),
                        policy.id(),
                        evaluation.summativeRule().name(),
                        weights,
                        now,
                        tTeacher,
                        tCampus,
                        tIq,
                        tPr,
                        tComposite,
                        tLevel,
                        tMissing,
                        tDomains)
                .query(rs -> {
                    ids.put(rs.getLong(2), rs.getLong(1));
                });

        var dSummative = new ArrayList<Long>();
        var dCode = new ArrayList<String>();
        var dFinal = new ArrayList<String>();
        var dSource = new ArrayList<String>();
        var dObservations = new ArrayList<String>();
        var dJudgement = new ArrayList<String>();
        var dConference = new ArrayList<Integer>();
        results.forEach((teacher, result) -> {
            var id = ids.get(teacher);
            if (id == null) {
                return;
            }
            result.dimensions().forEach((code, rating) -> {
                dSummative.add(id);
                dCode.add(code);
                dFinal.add(text(rating.value()));
                dSource.add(rating.source().name());
                dObservations.add(String.join(
                        ",",
                        rating.observationIds().stream().map(String::valueOf).toList()));
                var judgement = judgements.getOrDefault(teacher, Map.of()).get(code);
                dJudgement.add(text(judgement));
                dConference.add(conference.getOrDefault(teacher, Map.of()).get(code));
            });
        });
        // Dimension lines: upserted, rewriting only those that changed; a line the rubric no longer has goes.
        jdbc.sql("""
                        delete from evaluation.summative_dimension d
                        where d.summative_id = any(?)
                          and not exists (select 1 from unnest(cast(? as bigint[]), cast(? as text[])) as t(summative, code)
                                          where t.summative = d.summative_id and t.code = d.dimension_code)
                        """)
                .params(
                        ids.values().toArray(Long[]::new),
                        dSummative.toArray(Long[]::new),
                        dCode.toArray(String[]::new))
                .update();
        jdbc.sql("""
                        insert into evaluation.summative_dimension (summative_id, dimension_code, final_rating, source,
                            observation_ids, judgement, conference_rating)
                        select t.summative, t.code, cast(t.final as numeric), t.source,
                               case when t.obs = '' then '{}'::bigint[] else cast(string_to_array(t.obs, ',') as bigint[]) end,
                               cast(t.judgement as numeric), t.conference
                        from unnest(cast(? as bigint[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                                    cast(? as text[]), cast(? as text[]), cast(? as integer[]))
                             as t(summative, code, final, source, obs, judgement, conference)
                        on conflict (summative_id, dimension_code) do update set
                            final_rating = excluded.final_rating, source = excluded.source,
                            observation_ids = excluded.observation_ids, judgement = excluded.judgement,
                            conference_rating = excluded.conference_rating
                        where (evaluation.summative_dimension.final_rating, evaluation.summative_dimension.source,
                               evaluation.summative_dimension.observation_ids, evaluation.summative_dimension.judgement,
                               evaluation.summative_dimension.conference_rating)
                              is distinct from
                              (excluded.final_rating, excluded.source, excluded.observation_ids, excluded.judgement,
                               excluded.conference_rating)
                        """)
                .params(
                        dSummative.toArray(Long[]::new),
                        dCode.toArray(String[]::new),
                        dFinal.toArray(String[]::new),
                        dSource.toArray(String[]::new),
                        dObservations.toArray(String[]::new),
                        dJudgement.toArray(String[]::new),
                        dConference.toArray(Integer[]::new))
                .update();
        return ids.size();
    }

    private void check(Rubric rubric, PolicyVersion policy, SummativeInputs inputs) {
        var errors = new LinkedHashMap<String, String>();
        if (inputs.conferenceRatings() != null) {
            inputs.conferenceRatings().forEach((code, value) -> {
                var field = "conferenceRatings." + code;
                var dimension = rubric.dimension(code);
                if (dimension.isEmpty()) {
                    errors.put(field, field + ": '" + code + "' is not a dimension of " + rubric.name());
                } else if (rubric.isObserved(code)) {
                    errors.put(
                            field,
                            field + ": " + dimension.get().name() + " is rated in observations, not at the conference");
                } else if (value == null || !rubric.onScale(value)) {
                    errors.put(field, field + ": " + value + " is not on the rubric's scale (" + rubric.scale() + ")");
                }
            });
        }
        if (inputs.judgements() != null) {
            inputs.judgements().forEach((code, value) -> {
                var field = "judgements." + code;
                if (policy.document().evaluation().summativeRule()
                        != org.cadre.policy.PolicyDocument.SummativeRule.APPRAISER_JUDGEMENT) {
                    errors.put(
                            field,
                            field + ": this year's policy takes final ratings by "
                                    + policy.document().evaluation().summativeRule() + ", not by appraiser judgement");
                } else if (rubric.dimension(code).isEmpty() || !rubric.isObserved(code)) {
                    errors.put(field, field + ": '" + code + "' is not an observed dimension of " + rubric.name());
                } else if (value == null || !rubric.onScale(value)) {
                    errors.put(field, field + ": " + value + " is not on the rubric's scale (" + rubric.scale() + ")");
                }
            });
        }
        var growth = inputs.studentGrowth();
        if (growth != null
                && (growth.compareTo(BigDecimal.valueOf(rubric.lowest())) < 0
                        || growth.compareTo(BigDecimal.valueOf(rubric.highest())) > 0)) {
            errors.put(
                    "studentGrowth",
                    "studentGrowth: must be between " + rubric.lowest() + " and " + rubric.highest()
                            + ", the rubric's scale");
        }
        if (inputs.conferenceEvidence() != null && inputs.conferenceEvidence().length() > 20_000) {
            errors.put("conferenceEvidence", "conferenceEvidence: must be at most 20,000 characters");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors, String.join("; ", errors.values()));
        }
    }

    private TeacherPlacement requireAppraiser(CurrentUser user, long teacherId) {
        var teacher = teachers.placement(user, teacherId);
        if (!AppraisalAccess.mayAppraise(user, teacher)) {
            if (AppraisalAccess.maySeeDrafts(user, teacher) || AppraisalAccess.isTheTeacher(user, teacher)) {
                throw new ForbiddenException("Only the teacher's appraiser rates the summative");
            }
            throw new NotFoundException("Teacher", teacherId);
        }
        return teacher;
    }

    private Optional<SummativeRating> requireDraft(long schoolYearId, long teacherId) {
        var existing = find(schoolYearId, teacherId);
        if (existing.isPresent() && existing.get().finalized()) {
            throw new ConflictException("This summative rating was finalized on "
                    + LocalDate.ofInstant(existing.get().finalizedAt(), ZoneId.systemDefault())
                    + " and can no longer be changed");
        }
        return existing;
    }

    private Map<String, Object> auditState(SummativeRating s) {
        var state = new LinkedHashMap<String, Object>();
        state.put("status", s.status().name());
        state.put("policyVersionId", s.policyVersionId());
        state.put("rubricId", s.rubricId());
        state.put("instructionalQuality", s.instructionalQuality());
        state.put("studentGrowth", s.studentGrowth());
        state.put("professionalRoles", s.professionalRoles());
        state.put("composite", s.composite());
        state.put("effectivenessLevel", s.effectivenessLevel());
        return state;
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private SummativeRating map(ResultSet rs, int row) throws SQLException {
        var missing = rs.getArray("missing");
        return new SummativeRating(
                rs.getLong("id"),
                rs.getLong("school_year_id"),
                rs.getLong("teacher_staff_id"),
                rs.getLong("campus_id"),
                rs.getLong("rubric_id"),
                rs.getLong("policy_version_id"),
                rs.getString("rule"),
                SummativeRating.Status.valueOf(rs.getString("status")),
                rs.getObject("conference_on", LocalDate.class),
                rs.getString("conference_evidence"),
                rs.getBigDecimal("student_growth"),
                rs.getString("student_growth_source"),
                rs.getBigDecimal("instructional_quality"),
                rs.getBigDecimal("professional_roles"),
                rs.getBigDecimal("composite"),
                rs.getString("effectiveness_level"),
                missing == null ? List.of() : List.of((String[]) missing.getArray()),
                json.readValue(rs.getString("weights_json"), new TypeReference<LinkedHashMap<String, Integer>>() {}),
                decimals(rs.getString("domain_json")),
                List.of(),
                rs.getTimestamp("computed_at").toInstant(),
                rs.getTimestamp("finalized_at") == null
                        ? null
                        : rs.getTimestamp("finalized_at").toInstant(),
                rs.getInt("version"));
    }

    private Map<String, BigDecimal> decimals(String text) {
        Map<String, String> raw = json.readValue(text, new TypeReference<LinkedHashMap<String, String>>() {});
        var result = new LinkedHashMap<String, BigDecimal>();
        raw.forEach((k, v) -> result.put(k, v == null ? null : new BigDecimal(v)));
        return result;
    }

    private SummativeRating withLines(SummativeRating s) {
        var lines = jdbc.sql("""
                        select dimension_code, final_rating, source, observation_ids, judgement, conference_rating
                        from evaluation.summative_dimension where summative_id = ?
                        """)
                .param(s.id())
                .query((rs, n) -> new SummativeRating.Line(
                        rs.getString(1),
                        rs.getBigDecimal(2),
                        FinalRatingSource.valueOf(rs.getString(3)),
                        List.of((Long[]) rs.getArray(4).getArray()),
                        rs.getBigDecimal(5),
                        (Integer) rs.getObject(6)))
                .list();
        return new SummativeRating(
                s.id(),
                s.schoolYearId(),
                s.teacherStaffId(),
                s.campusId(),
                s.rubricId(),
                s.policyVersionId(),
                s.rule(),
                s.status(),
                s.conferenceOn(),
                s.conferenceEvidence(),
                s.studentGrowth(),
                s.studentGrowthSource(),
                s.instructionalQuality(),
                s.professionalRoles(),
                s.composite(),
                s.effectivenessLevel(),
                s.missing(),
                s.weights(),
                s.domainScores(),
                lines,
                s.computedAt(),
                s.finalizedAt(),
                s.version());
    }
}
