package org.cadre.evaluation.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cadre.evaluation.appraisal.AppraisalAccess;
import org.cadre.evaluation.appraisal.Teachers;
import org.cadre.evaluation.observation.ObservationKind;
import org.cadre.evaluation.rubric.Rubric;
import org.cadre.evaluation.rubric.Rubrics;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.ForbiddenException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school year's evaluations as Ed-Fi resources (Data Standard, performance-evaluation domain), one collection
 * per resource as the Ed-Fi API would hold them: performanceEvaluations → evaluations → evaluationObjectives →
 * evaluationElements, and the ratings at each level. Mapping: each campus has one performance evaluation for the
 * year; its evaluations are the three kinds of observation and the end-of-year summative; objectives are the
 * rubric's domains and elements its dimensions. Each shared observation is an evaluation rating (dated the day of
 * the lesson) with an element rating per dimension and an objective rating per domain (the mean of that
 * observation's ratings in the domain); each finalized summative is a performance evaluation rating (composite and
 * effectiveness level) plus an evaluation rating with the final dimension ratings and domain scores. Drafts are
 * never exported.
 */
@Service
@Transactional(readOnly = true)
public class EdFiExport {

    static final String SOURCE_SYSTEM = "uri://cadre.org/SourceSystemDescriptor#Cadre";
    static final String SUMMATIVE = "End-of-year summative";

    private final JdbcClient jdbc;
    private final Teachers teachers;
    private final Rubrics rubrics;
    private final Clock clock;

    EdFiExport(JdbcClient jdbc, Teachers teachers, Rubrics rubrics, Clock clock) {
        this.jdbc = jdbc;
        this.teachers = teachers;
        this.rubrics = rubrics;
        this.clock = clock;
    }

    public Map<String, Object> export(CurrentUser user, long schoolYearId) {
        if (!AppraisalAccess.isDistrictWide(user)) {
            throw new ForbiddenException("The Ed-Fi export is for district administrators");
        }
        var year = teachers.year(schoolYearId);
        var rubric = rubrics.inForce(schoolYearId);
        int schoolYear = year.endsOn().getYear();
        var zone = clock.getZone();

        record Rated(long id, long teacher, long campus, String kind, LocalDate on, String dimension, int rating) {}
        var observed = jdbc.sql("""
                        select o.id, o.teacher_staff_id, o.campus_id, o.kind, coalesce(o.started_at, o.scheduled_for) as at,
                               r.dimension_code, r.rating
                        from evaluation.observation o join evaluation.observation_rating r on r.observation_id = o.id
                        where o.school_year_id = ? and o.rubric_id = ? and o.status in ('SHARED', 'ACKNOWLEDGED')
                        order by o.id, r.dimension_code
                        """)
                .params(schoolYearId, rubric.id())
                .query((rs, n) -> new Rated(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        LocalDate.ofInstant(rs.getTimestamp(5).toInstant(), zone),
                        rs.getString(6),
                        rs.getInt(7)))
                .list();
        record Final(
                long id,
                long teacher,
                long campus,
                LocalDate on,
                BigDecimal composite,
                String level,
                BigDecimal iq,
                BigDecimal growth,
                BigDecimal roles,
                String domains) {}
        var finals = jdbc.sql("""
                        select id, teacher_staff_id, campus_id, coalesce(conference_on, cast(finalized_at as date)), composite,
                               effectiveness_level, instructional_quality, student_growth, professional_roles, domain_scores::text
                        from evaluation.summative where school_year_id = ? and status = 'FINALIZED' order by id
                        """)
                .param(schoolYearId)
                .query((rs, n) -> new Final(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getBigDecimal(5),
                        rs.getString(6),
                        rs.getBigDecimal(7),
                        rs.getBigDecimal(8),
                        rs.getBigDecimal(9),
                        rs.getString(10)))
                .list();
        var finalDimensions = new HashMap<Long, Map<String, BigDecimal>>();
        jdbc.sql("""
                        select d.summative_id, d.dimension_code, d.final_rating from evaluation.summative_dimension d
                        join evaluation.summative s on s.id = d.summative_id
                        where s.school_year_id = ? and s.status = 'FINALIZED'
                        """).param(schoolYearId).query(rs -> {
            finalDimensions
                    .computeIfAbsent(rs.getLong(1), s -> new TreeMap<>())
                    .put(rs.getString(2), rs.getBigDecimal(3));
        });

        var campuses = new java.util.TreeSet<Long>();
        observed.forEach(r -> campuses.add(r.campus()));
        finals.forEach(f -> campuses.add(f.campus()));
        var evaluationTitles = new ArrayList<String>();
        for (var kind : ObservationKind.values()) {
            evaluationTitles.add(kind.label());
        }
        evaluationTitles.add(SUMMATIVE);

        var performanceEvaluations = new ArrayList<Map<String, Object>>();
        var evaluations = new ArrayList<Map<String, Object>>();
        var objectives = new ArrayList<Map<String, Object>>();
        var elements = new ArrayList<Map<String, Object>>();
        for (long campus : campuses) {
            var performance = performanceEvaluationReference(campus, schoolYear, year.name());
            var pe = new LinkedHashMap<String, Object>(performance);
            pe.put("ratingLevels", ratingLevels(rubric, "performanceEvaluationRatingLevelDescriptor"));
            performanceEvaluations.add(pe);
            for (var title : evaluationTitles) {
                var evaluation = evaluationReference(performance, title);
                var e = new LinkedHashMap<String, Object>();
                e.put("evaluationTitle", title);
                e.put("performanceEvaluationReference", performance);
                e.put("evaluationTypeDescriptor", "uri://ed-fi.org/EvaluationTypeDescriptor#" + evaluationType(title));
                e.put("minRating", rubric.lowest());
                e.put("maxRating", rubric.highest());
                e.put("ratingLevels", ratingLevels(rubric, "evaluationRatingLevelDescriptor"));
                evaluations.add(e);
                int sort = 1;
                for (var domain : rubric.domains()) {
                    var objective = objectiveReference(evaluation, domain.name());
                    var o = new LinkedHashMap<String, Object>();
                    o.put("evaluationObjectiveTitle", domain.name());
                    o.put("evaluationReference", evaluation);
                    o.put("sortOrder", sort++);
                    o.put("minRating", rubric.lowest());
                    o.put("maxRating", rubric.highest());
                    objectives.add(o);
                    int elementSort = 1;
                    for (var dimension : domain.dimensions()) {
                        var x = new LinkedHashMap<String, Object>();
                        x.put("evaluationElementTitle", dimension.name());
                        x.put("evaluationObjectiveReference", objective);
                        x.put("sortOrder", elementSort++);
                        x.put("minRating", rubric.lowest());
                        x.put("maxRating", rubric.highest());
                        elements.add(x);
                    }
                }
            }
        }

        var performanceRatings = new ArrayList<Map<String, Object>>();
        var evaluationRatings = new ArrayList<Map<String, Object>>();
        var objectiveRatings = new ArrayList<Map<String, Object>>();
        var elementRatings = new ArrayList<Map<String, Object>>();
        var byObservation = new LinkedHashMap<Long, List<Rated>>();
        observed.forEach(r ->
                byObservation.computeIfAbsent(r.id(), id -> new ArrayList<>()).add(r));
        for (var ratings : byObservation.values()) {
            var first = ratings.getFirst();
            var person = person(first.teacher());
            var evaluation = evaluationReference(
                    performanceEvaluationReference(first.campus(), schoolYear, year.name()),
                    ObservationKind.valueOf(first.kind()).label());
            var er = new LinkedHashMap<String, Object>();
            er.put("evaluationReference", evaluation);
            er.put("personReference", person);
            er.put("evaluationDate", first.on().toString());
            er.put("sourceObservationId", first.id());
            evaluationRatings.add(er);
            var byDomain = new LinkedHashMap<String, List<Integer>>();
            for (var r : ratings) {
                var dimension = rubric.dimension(r.dimension()).orElseThrow();
                var domain = rubric.domainOf(r.dimension());
                byDomain.computeIfAbsent(domain.name(), d -> new ArrayList<>()).add(r.rating());
                elementRatings.add(elementRating(
                        evaluation,
                        domain.name(),
                        dimension.name(),
                        person,
                        first.on(),
                        BigDecimal.valueOf(r.rating()),
                        rubric.levelName(r.rating())));
            }
            byDomain.forEach((domain, values) -> objectiveRatings.add(objectiveRating(
                    evaluation,
                    domain,
                    person,
                    first.on(),
                    BigDecimal.valueOf(
                                    values.stream().mapToInt(Integer::intValue).sum())
                            .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP))));
        }
        for (var f : finals) {
            var person = person(f.teacher());
            var performance = performanceEvaluationReference(f.campus(), schoolYear, year.name());
            var pr = new LinkedHashMap<String, Object>();
            pr.put("performanceEvaluationReference", performance);
            pr.put("personReference", person);
            pr.put("actualDate", f.on().toString());
            pr.put(
                    "performanceEvaluationRatingLevelDescriptor",
                    "uri://cadre.org/PerformanceEvaluationRatingLevelDescriptor#" + f.level());
            pr.put(
                    "results",
                    List.of(
                            result(f.composite(), "Composite"),
                            result(f.iq(), "Instructional Quality"),
                            result(f.growth(), "Student Growth and Achievement"),
                            result(f.roles(), "Professional Roles and Responsibilities")));
            performanceRatings.add(pr);
            var evaluation = evaluationReference(performance, SUMMATIVE);
            var er = new LinkedHashMap<String, Object>();
            er.put("evaluationReference", evaluation);
            er.put("personReference", person);
            er.put("evaluationDate", f.on().toString());
            er.put("evaluationRatingLevelDescriptor", "uri://cadre.org/EvaluationRatingLevelDescriptor#" + f.level());
            er.put("results", List.of(result(f.composite(), "Composite")));
            evaluationRatings.add(er);
            var domainScores = tools.jackson.databind.json.JsonMapper.shared()
                    .readValue(
                            f.domains(), new tools.jackson.core.type.TypeReference<LinkedHashMap<String, String>>() {});
            for (var domain : rubric.domains()) {
                var score = domainScores.get(domain.code());
                if (score != null) {
                    objectiveRatings.add(
                            objectiveRating(evaluation, domain.name(), person, f.on(), new BigDecimal(score)));
                }
                for (var dimension : domain.dimensions()) {
                    var value = finalDimensions.getOrDefault(f.id(), Map.of()).get(dimension.code());
                    if (value != null) {
                        elementRatings.add(elementRating(
                                evaluation, domain.name(), dimension.name(), person, f.on(), value, null));
                    }
                }
            }
        }
        var document = new LinkedHashMap<String, Object>();
        document.put("schoolYear", schoolYear);
        document.put("schoolYearName", year.name());
        document.put("rubric", Map.of("key", rubric.key(), "version", rubric.version(), "name", rubric.name()));
        document.put("generatedAt", clock.instant().toString());
        document.put("performanceEvaluations", performanceEvaluations);
        document.put("evaluations", evaluations);
        document.put("evaluationObjectives", objectives);
        document.put("evaluationElements", elements);
        document.put("performanceEvaluationRatings", performanceRatings);
        document.put("evaluationRatings", evaluationRatings);
        document.put("evaluationObjectiveRatings", objectiveRatings);
        document.put("evaluationElementRatings", elementRatings);
        return document;
    }

    private static Map<String, Object> performanceEvaluationReference(long campus, int schoolYear, String yearName) {
        var reference = new LinkedHashMap<String, Object>();
        reference.put("educationOrganizationId", campus);
        reference.put("evaluationPeriodDescriptor", "uri://ed-fi.org/EvaluationPeriodDescriptor#End of Year");
        reference.put("performanceEvaluationTitle", "Teacher evaluation " + yearName);
        reference.put(
                "performanceEvaluationTypeDescriptor",
                "uri://ed-fi.org/PerformanceEvaluationTypeDescriptor#Teacher Evaluation");
        reference.put("schoolYear", schoolYear);
        reference.put("termDescriptor", "uri://ed-fi.org/TermDescriptor#Year Round");
        return reference;
    }

    private static Map<String, Object> evaluationReference(Map<String, Object> performance, String title) {
        var reference = new LinkedHashMap<>(performance);
        reference.put("evaluationTitle", title);
        return reference;
    }

    private static Map<String, Object> objectiveReference(Map<String, Object> evaluation, String title) {
        var reference = new LinkedHashMap<>(evaluation);
        reference.put("evaluationObjectiveTitle", title);
        return reference;
    }

    private static Map<String, Object> person(long staffId) {
        return Map.of("personId", String.valueOf(staffId), "sourceSystemDescriptor", SOURCE_SYSTEM);
    }

    private static Map<String, Object> result(BigDecimal rating, String title) {
        var result = new LinkedHashMap<String, Object>();
        result.put("rating", rating);
        result.put("ratingResultTitle", title);
        result.put("resultDatatypeTypeDescriptor", "uri://ed-fi.org/ResultDatatypeTypeDescriptor#Decimal");
        return result;
    }

    private static Map<String, Object> objectiveRating(
            Map<String, Object> evaluation,
            String objective,
            Map<String, Object> person,
            LocalDate on,
            BigDecimal score) {
        var rating = new LinkedHashMap<String, Object>();
        rating.put("evaluationObjectiveReference", objectiveReference(evaluation, objective));
        rating.put("personReference", person);
        rating.put("evaluationDate", on.toString());
        rating.put("results", List.of(result(score, objective)));
        return rating;
    }

    private static Map<String, Object> elementRating(
            Map<String, Object> evaluation,
            String objective,
            String element,
            Map<String, Object> person,
            LocalDate on,
            BigDecimal value,
            String levelName) {
        var reference = new LinkedHashMap<>(objectiveReference(evaluation, objective));
        reference.put("evaluationElementTitle", element);
        var rating = new LinkedHashMap<String, Object>();
        rating.put("evaluationElementReference", reference);
        rating.put("personReference", person);
        rating.put("evaluationDate", on.toString());
        if (levelName != null) {
            rating.put(
                    "evaluationElementRatingLevelDescriptor",
                    "uri://cadre.org/EvaluationElementRatingLevelDescriptor#" + levelName);
        }
        rating.put("results", List.of(result(value, element)));
        return rating;
    }

    private static List<Map<String, Object>> ratingLevels(Rubric rubric, String descriptorName) {
        return rubric.levels().stream()
                .map(level -> {
                    var map = new LinkedHashMap<String, Object>();
                    map.put(descriptorName, "uri://cadre.org/RatingLevelDescriptor#" + level.name());
                    map.put("minRating", level.value());
                    map.put("maxRating", level.value());
                    return (Map<String, Object>) map;
                })
                .toList();
    }

    private static String evaluationType(String title) {
        if (title.equals(ObservationKind.FORMAL.label())) {
            return "Formal Obs";
        }
        if (title.equals(ObservationKind.INFORMAL.label())) {
            return "Informal Obs";
        }
        if (title.equals(ObservationKind.WALKTHROUGH.label())) {
            return "Walkthrough";
        }
        return "Formal Eval";
    }
}
