package org.cadre.evaluation.caseload;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.cadre.evaluation.appraisal.AppraisalAccess;
import org.cadre.evaluation.appraisal.Appraisers;
import org.cadre.evaluation.appraisal.TeacherPlacement;
import org.cadre.evaluation.appraisal.Teachers;
import org.cadre.evaluation.rubric.Rubric;
import org.cadre.evaluation.rubric.Rubrics;
import org.cadre.evaluation.rules.FeedbackDeadline;
import org.cadre.evaluation.rules.GoalSettingDeadline;
import org.cadre.evaluation.rules.WorkingDays;
import org.cadre.organization.Campus;
import org.cadre.organization.Directory;
import org.cadre.policy.Policies;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.ForbiddenException;
import org.cadre.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read models across teachers, each limited to what the person may see ({@link AppraisalAccess}). */
@Service
public class Caseloads {

    /** Where a teacher stands in the year's cycle. */
    public enum Standing {
        OVERDUE("Overdue"),
        DUE("Due"),
        COMPLETED("Completed");

        private final String label;

        Standing(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A teacher on a caseload. */
    public record Line(
            long teacherId,
            String name,
            long campusId,
            String campusName,
            int formalShared,
            int formalRequired,
            int shared,
            int awaitingFeedback,
            int overdueFeedback,
            int lateFeedback,
            LocalDate lastObserved,
            boolean goalPlanSubmitted,
            boolean goalPlanOverdue,
            String summative,
            String effectivenessLevel,
            Standing standing) {

        // The caseload table's cells, written out here once rather than assembled by template expressions in
        // every row (the page's most visited table).

        public String formal() {
            return formalShared + " / " + formalRequired;
        }

        public String awaiting() {
            return overdueFeedback > 0
                    ? awaitingFeedback + " (" + overdueFeedback + " overdue)"
                    : "" + awaitingFeedback;
        }

        public String plan() {
            return goalPlanSubmitted ? "Submitted" : (goalPlanOverdue ? "Overdue" : "Not yet");
        }

        public String summativeLine() {
            return effectivenessLevel == null ? summative : summative + " · " + effectivenessLevel;
        }

        public String lastObservedLine() {
            return lastObserved == null ? "—" : lastObserved.toString();
        }

        public String standingClass() {
            return standing == Standing.OVERDUE ? "badge inactive" : "badge";
        }
    }

    /** How many of each rating a dimension got across a campus's shared observations. */
    public record DimensionDistribution(String code, String name, Map<Integer, Long> counts, long total, Double mean) {}

    /** A campus in the district view. */
    public record CampusLine(
            long campusId,
            String name,
            long teachersObserved,
            long observationsShared,
            long lateFeedback,
            Double meanRating,
            long summativesFinalized,
            Map<String, Long> levels) {}

    private final JdbcClient jdbc;
    private final Teachers teachers;
    private final Appraisers appraisers;
    private final Directory directory;
    private final Policies policies;
    private final Rubrics rubrics;
    private final Clock clock;

    Caseloads(
            JdbcClient jdbc,
            Teachers teachers,
            Appraisers appraisers,
            Directory directory,
            Policies policies,
            Rubrics rubrics,
            Clock clock) {
        this.jdbc = jdbc;
        this.teachers = teachers;
        this.appraisers = appraisers;
        this.directory = directory;
        this.policies = policies;
        this.rubrics = rubrics;
        this.clock = clock;
    }

    /** The campuses the person may look across; the whole network for district administrators. */
    public List<Campus> campusesInView(CurrentUser user) {
        var scope = AppraisalAccess.campusesInView(user);
        if (scope != null && scope.isEmpty()) {
            throw new ForbiddenException("Evaluation caseloads are for appraisers and administrators");
        }
        return directory.campuses().stream()
                .filter(c -> scope == null || scope.contains(c.id()))
                .toList();
    }

    /**
     * The person's caseload on a campus: the teachers they appraise (every teacher, for a campus administrator or
     * district administrator), each with where they stand: overdue (feedback or the goal plan past due), due, or
     * completed (summative finalized).
     */
    public List<Line> caseload(CurrentUser user, long campusId) {
        // One campus looked up, not the whole list: this page is the appraiser's most visited.
        var scope = AppraisalAccess.campusesInView(user);
        if (scope != null && scope.isEmpty()) {
            throw new ForbiddenException("Evaluation caseloads are for appraisers and administrators");
        }
        var campus = (scope == null || scope.contains(campusId) ? directory.campus(campusId) : Optional.<Campus>empty())
                .orElseThrow(() -> new NotFoundException("Campus", campusId));
        var year = teachers.currentYear();
        var evaluation = policies.inForce(year.id()).document().evaluation();
        var assignments = appraisers.ofCampus(year.id(), campusId);
        var roster = teachers.ofCampus(user, campusId).stream()
                .filter(t -> AppraisalAccess.maySeeDrafts(
                        user,
                        new TeacherPlacement(
                                t.id(), t.name(), Set.of(campusId), assignments.getOrDefault(t.id(), Set.of()))))
                .toList();
        if (roster.isEmpty()) {
            return List.of();
        }
        var ids = roster.stream().map(t -> t.id()).toArray(Long[]::new);
        var today = LocalDate.now(clock);
        var zone = clock.getZone();
        var goalDue = new GoalSettingDeadline(evaluation.goalSettingDueWeeks()).dueOn(year.beginsOn());

        // The holidays, and the teachers' observations, summatives and goal plans of the year, in one statement:
        // this page is an appraiser's most visited, and each statement is a round trip under load.
        var holidays = new java.util.HashSet<LocalDate>();
        var observations = new ArrayList<ObservationRow>();
        var summatives = new HashMap<Long, String[]>();
        var plans = new java.util.HashSet<Long>();
        jdbc.sql("""
                        select 'H' as what, null::bigint as teacher, null as a, null as b,
                               null::timestamptz as observed_at, false as late, day
                        from evaluation.holiday
                        union all
                        select 'O', teacher_staff_id, kind, status, coalesce(started_at, scheduled_for), feedback_late,
                               null
                        from evaluation.observation where school_year_id = ? and teacher_staff_id = any(?)
                        union all
                        select 'S', teacher_staff_id, status, effectiveness_level, null, false, null
                        from evaluation.summative where school_year_id = ? and teacher_staff_id = any(?)
                        union all
                        select 'P', teacher_staff_id, null, null, null, false, null
                        from evaluation.goal_plan where school_year_id = ? and teacher_staff_id = any(?)
                        """).params(year.id(), ids, year.id(), ids, year.id(), ids).query(rs -> {
            switch (rs.getString(1)) {
                case "H" -> holidays.add(rs.getObject(7, LocalDate.class));
                case "O" ->
                    observations.add(new ObservationRow(
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            LocalDate.ofInstant(rs.getTimestamp(5).toInstant(), zone),
                            rs.getBoolean(6)));
                case "S" -> summatives.put(rs.getLong(2), new String[] {rs.getString(3), rs.getString(4)});
                default -> plans.add(rs.getLong(2));
            }
        });
        var deadline = new FeedbackDeadline(evaluation.feedbackDueWorkingDays(), new WorkingDays(holidays));

        record Tally(int[] counts, LocalDate[] last) {}
        var tallies = new HashMap<Long, Tally>();
        for (var observation : observations) {
            var tally = tallies.computeIfAbsent(observation.teacher(), t -> new Tally(new int[5], new LocalDate[1]));
            var status = observation.status();
            var observedOn = observation.observedOn();
            boolean shared = status.equals("SHARED") || status.equals("ACKNOWLEDGED");
            if (shared) {
                tally.counts()[1]++;
                if (observation.kind().equals("FORMAL")) {
                    tally.counts()[0]++;
                }
                if (observation.feedbackLate()) {
                    tally.counts()[4]++;
                }
            } else if (!status.equals("SCHEDULED") || !observedOn.isAfter(today)) {
                tally.counts()[2]++;
                if (deadline.isOverdue(observedOn, today)) {
                    tally.counts()[3]++;
                }
            }
            if (!observedOn.isAfter(today) && (tally.last()[0] == null || observedOn.isAfter(tally.last()[0]))) {
                tally.last()[0] = observedOn;
            }
        }
        int required = evaluation.formalObservations().minimum();
        var lines = new ArrayList<Line>();
        for (var teacher : roster) {
            var tally = tallies.getOrDefault(teacher.id(), new Tally(new int[5], new LocalDate[1]));
            var summative = summatives.get(teacher.id());
            boolean finalized = summative != null && summative[0].equals("FINALIZED");
            boolean planSubmitted = plans.contains(teacher.id());
            boolean planOverdue = !planSubmitted && today.isAfter(goalDue);
            var standing = finalized
                    ? Standing.COMPLETED
                    : (tally.counts()[3] > 0 || planOverdue ? Standing.OVERDUE : Standing.DUE);
            lines.add(new Line(
                    teacher.id(),
                    teacher.familyName() + ", " + teacher.givenName(),
                    campusId,
                    campus.name(),
                    tally.counts()[0],
                    required,
                    tally.counts()[1],
                    tally.counts()[2],
                    tally.counts()[3],
                    tally.counts()[4],
                    tally.last()[0],
                    planSubmitted,
                    planOverdue,
                    summative == null ? "Not started" : (finalized ? "Finalized" : "Draft"),
                    summative == null ? null : summative[1],
                    standing));
        }
        return lines;
    }

    /** The rubric of the current year, whose dimensions the distribution lists. */
    public Rubric rubricThisYear() {
        return rubrics.inForce(teachers.currentYear().id());
    }

    /** How the campus's shared observations this year rated each dimension. */
    public List<DimensionDistribution> distribution(CurrentUser user, long campusId) {
        campusesInView(user).stream()
                .filter(c -> c.id() == campusId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Campus", campusId));
        var year = teachers.currentYear();
        var rubric = rubrics.inForce(year.id());
        var counts = new HashMap<String, Map<Integer, Long>>();
        jdbc.sql("""
                        select r.dimension_code, r.rating, count(*) from evaluation.observation o
                        join evaluation.observation_rating r on r.observation_id = o.id
                        where o.school_year_id = ? and o.campus_id = ? and o.rubric_id = ? and o.status in ('SHARED', 'ACKNOWLEDGED')
                        group by r.dimension_code, r.rating
                        """).params(year.id(), campusId, rubric.id()).query(rs -> {
            counts.computeIfAbsent(rs.getString(1), d -> new TreeMap<>()).put(rs.getInt(2), rs.getLong(3));
        });
        var result = new ArrayList<DimensionDistribution>();
        for (var dimension : rubric.observedDimensions()) {
            var byLevel = new LinkedHashMap<Integer, Long>();
            long total = 0;
            long sum = 0;
            for (var level : rubric.levels()) {
                long n = counts.getOrDefault(dimension.code(), Map.of()).getOrDefault(level.value(), 0L);
                byLevel.put(level.value(), n);
                total += n;
                sum += n * level.value();
            }
            result.add(new DimensionDistribution(
                    dimension.code(), dimension.name(), byLevel, total, total == 0 ? null : (double) sum / total));
        }
        return result;
    }

    /** Every campus of the network: observation activity, late feedback, mean rating and effectiveness levels. */
    public List<CampusLine> district(CurrentUser user) {
        if (!AppraisalAccess.isDistrictWide(user)) {
            throw new ForbiddenException("The district view is for district administrators");
        }
        var year = teachers.currentYear();
        var stats = new HashMap<Long, Object[]>();
        jdbc.sql("""
                        select o.campus_id, count(distinct o.teacher_staff_id), count(*),
                               count(*) filter (where o.feedback_late),
                               (select avg(r.rating) from evaluation.observation o2 join evaluation.observation_rating r on r.observation_id = o2.id
                                 where o2.school_year_id = o.school_year_id and o2.campus_id = o.campus_id
                                   and o2.status in ('SHARED', 'ACKNOWLEDGED'))
                        from evaluation.observation o
                        where o.school_year_id = ? and o.status in ('SHARED', 'ACKNOWLEDGED')
                        group by o.campus_id, o.school_year_id
                        """).param(year.id()).query(rs -> {
            stats.put(rs.getLong(1), new Object[] {
                rs.getLong(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getBigDecimal(5) == null ? null : rs.getBigDecimal(5).doubleValue()
            });
        });
        var levels = new HashMap<Long, Map<String, Long>>();
        jdbc.sql("""
                        select campus_id, effectiveness_level, count(*) from evaluation.summative
                        where school_year_id = ? and status = 'FINALIZED' group by campus_id, effectiveness_level
                        """).param(year.id()).query(rs -> {
            levels.computeIfAbsent(rs.getLong(1), c -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
        });
        var lines = new ArrayList<CampusLine>();
        for (var campus : directory.campuses()) {
            var s = stats.getOrDefault(campus.id(), new Object[] {0L, 0L, 0L, null});
            var l = levels.getOrDefault(campus.id(), Map.of());
            lines.add(new CampusLine(
                    campus.id(),
                    campus.name(),
                    (Long) s[0],
                    (Long) s[1],
                    (Long) s[2],
                    (Double) s[3],
                    l.values().stream().mapToLong(Long::longValue).sum(),
                    l));
        }
        return lines;
    }

    /** An observation as the caseload counts it. */
    private record ObservationRow(
            long teacher, String kind, String status, LocalDate observedOn, boolean feedbackLate) {}
}
