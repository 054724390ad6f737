package org.cadre.growth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.cadre.growth.engine.KnotsAndBoundaries;
import org.cadre.organization.Campus;
import org.cadre.organization.Directory;
import org.cadre.organization.SchoolYears;
import org.cadre.organization.Students;
import org.cadre.organization.TeachersOfRecord;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.ForbiddenException;
import org.cadre.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The results of growth runs as each person may see them ({@link GrowthAccess}): measures of the network,
 * campuses and teachers, a teacher's students, a student's growth with the curves that placed them. Results
 * come from the current run of the current school year unless a run is named. A record outside a person's
 * reach reads as not found.
 */
@Service
@Transactional(readOnly = true)
public class GrowthResults {

    private final JdbcClient jdbc;
    private final GrowthRuns runs;
    private final SchoolYears schoolYears;
    private final Directory directory;
    private final Students students;
    private final TeachersOfRecord teachersOfRecord;

    GrowthResults(
            JdbcClient jdbc,
            GrowthRuns runs,
            SchoolYears schoolYears,
            Directory directory,
            Students students,
            TeachersOfRecord teachersOfRecord) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.schoolYears = schoolYears;
        this.directory = directory;
        this.students = students;
        this.teachersOfRecord = teachersOfRecord;
    }

    /** A teacher's measures, and their students when the person may see them. */
    public record TeacherGrowth(
            GrowthRun run,
            long staffId,
            String name,
            List<Measure> measures,
            boolean studentsShown,
            List<StudentRow> students) {}

    /** One of a teacher's student percentiles. */
    public record StudentRow(
            long studentId,
            String name,
            String subject,
            String grade,
            int sgp,
            int order,
            double scaleScore,
            double instructionalWeight) {}

    public record CampusGrowth(
            GrowthRun run, long campusId, String campusName, List<Measure> campus, List<Measure> teachers) {}

    public record NetworkGrowth(GrowthRun run, List<Measure> network, List<Measure> campuses) {}

    /** A student's growth in each subject of a run. */
    public record StudentGrowth(
            GrowthRun run,
            long studentId,
            String name,
            String gradeLevel,
            String campusName,
            List<SubjectGrowth> subjects) {}

    /**
     * @param scores the prior scores (oldest first) then the current one
     * @param atPriors the shown percentiles' predicted scores given the student's actual priors
     * @param curves the shown percentile curves along the most recent prior score ({@link PercentileCurves#curves})
     */
    public record SubjectGrowth(
            String subject,
            String grade,
            int sgp,
            int order,
            List<YearScore> scores,
            int[] shownPercentiles,
            double[] atPriors,
            double[][] curves) {}

    public record YearScore(int year, String grade, double scaleScore) {}

    /** The run results are read from: the named one, or the current run of the current school year. */
    public Optional<GrowthRun> run(Long runId) {
        if (runId != null) {
            return Optional.of(runs.get(runId)).filter(r -> r.status() == GrowthRun.Status.COMPLETED);
        }
        return schoolYears
                .current()
                .flatMap(year -> runs.current(year.id()))
                .or(() -> jdbc.sql("""
                        select id from growth.growth_run where is_current order by year desc limit 1""").query(Long.class).optional().map(runs::get));
    }

    private GrowthRun requireRun(Long runId) {
        return run(runId).orElseThrow(() -> new NotFoundException("Growth run", runId == null ? "current" : runId));
    }

    public NetworkGrowth network(CurrentUser user, Long runId) {
        if (!GrowthAccess.maySeeNetworkMeasures(user)) {
            throw new ForbiddenException("Network growth measures are for district administrators and HR");
        }
        var run = requireRun(runId);
        return new NetworkGrowth(
                run, measures(run.id(), "scope = 'NETWORK'"), named(measures(run.id(), "scope = 'CAMPUS'")));
    }

    /** The campuses whose measures the person may see, with the current run's campus measures over all subjects. */
    public List<Measure> campusesOf(CurrentUser user, Long runId) {
        var run = run(runId);
        if (run.isEmpty()) {
            return List.of();
        }
        return named(measures(run.get().id(), "scope = 'CAMPUS' and subject = 'All'")).stream()
                .filter(m -> GrowthAccess.maySeeCampusMeasures(user, m.campusId()))
                .toList();
    }

    public CampusGrowth campus(CurrentUser user, long campusId, Long runId) {
        var campus = directory.campus(campusId).orElseThrow(() -> new NotFoundException("Campus", campusId));
        if (!GrowthAccess.maySeeCampusMeasures(user, campusId)) {
            throw new NotFoundException("Campus", campusId);
        }
        var run = requireRun(runId);
        var teachers = measures(run.id(), "scope = 'TEACHER' and campus_id = " + campusId);
        return new CampusGrowth(
                run,
                campusId,
                campus.name(),
                measures(run.id(), "scope = 'CAMPUS' and campus_id = " + campusId),
                named(teachers));
    }

    /** Every teacher measure of a run that the person may see, for exports. */
    public void forEachTeacherMeasure(CurrentUser user, Long runId, Long campusId, Consumer<Measure> each) {
        var run = requireRun(runId);
        if (campusId != null && !GrowthAccess.maySeeCampusMeasures(user, campusId)) {
            throw new NotFoundException("Campus", campusId);
        }
        var visible = named(
                measures(run.id(), "scope = 'TEACHER'" + (campusId == null ? "" : " and campus_id = " + campusId)));
        visible.stream()
                .filter(m -> GrowthAccess.maySeeTeacherMeasures(user, m.staffId(), m.campusId()))
                .forEach(each);
    }

    public TeacherGrowth teacher(CurrentUser user, long staffId, Long runId) {
        var run = requireRun(runId);
        var measures = named(measures(run.id(), "scope = 'TEACHER' and staff_id = " + staffId));
        Long campusId = measures.isEmpty() ? null : measures.getFirst().campusId();
        if (measures.isEmpty() || !GrowthAccess.maySeeTeacherMeasures(user, staffId, campusId)) {
            throw new NotFoundException("Teacher's growth", staffId);
        }
        boolean shown = GrowthAccess.maySeeTeacherStudents(user, staffId, campusId);
        var rows = new ArrayList<StudentRow>();
        if (shown) {
            var found = jdbc.sql("""
                            select ts.student_id, sp.subject, sp.grade, sp.sgp, sp.sgp_order, sp.scale_score, ts.weight
                            from growth.teacher_student ts
                            join growth.student_percentile sp on sp.run_id = ts.run_id and sp.student_id = ts.student_id
                                and sp.subject = ts.subject
                            where ts.run_id = ? and ts.staff_id = ?
                            order by sp.subject, ts.student_id""")
                    .params(run.id(), staffId)
                    .query((rs, n) -> new StudentRow(
                            rs.getLong(1),
                            null,
                            rs.getString(2),
                            rs.getString(3),
                            rs.getInt(4),
                            rs.getInt(5),
                            rs.getDouble(6),
                            rs.getDouble(7)))
                    .list();
            var names = students.byIds(
                    new HashSet<>(found.stream().map(StudentRow::studentId).toList()));
            for (var row : found) {
                var student = names.get(row.studentId());
                rows.add(new StudentRow(
                        row.studentId(),
                        student == null ? "Student " + row.studentId() : student.name(),
                        row.subject(),
                        row.grade(),
                        row.sgp(),
                        row.order(),
                        row.scaleScore(),
                        row.instructionalWeight()));
            }
            rows.sort(Comparator.comparing(StudentRow::subject).thenComparing(StudentRow::name));
        }
        return new TeacherGrowth(run, staffId, measures.getFirst().name(), measures, shown, rows);
    }

    public StudentGrowth student(CurrentUser user, long studentId, Long runId) {
        var run = requireRun(runId);
        var student = students.find(studentId).orElseThrow(() -> new NotFoundException("Student", studentId));
        var campuses = new LinkedHashSet<Long>();
        campuses.add(student.campusId());
        campuses.addAll(
                jdbc.sql("select distinct campus_id from growth.teacher_student where run_id = ? and student_id = ?")
                        .params(run.id(), studentId)
                        .query(Long.class)
                        .list());
        // A teacher's own students are those the run counted for them: a tested subject they taught that year.
        boolean taught = user.staffId() != null
                && jdbc.sql("""
                        select exists (select 1 from growth.teacher_student where run_id = ? and student_id = ? and staff_id = ?)""")
                        .params(run.id(), studentId, user.staffId())
                        .query(Boolean.class)
                        .single();
        if (!GrowthAccess.maySeeStudent(user, taught, campuses)) {
            throw new NotFoundException("Student", studentId);
        }
        var subjects = jdbc.sql("""
                        select sp.subject, sp.grade, sp.sgp, sp.sgp_order, sp.scale_score, sp.prior_scores,
                               c.prior_grades, c.coefficients
                        from growth.student_percentile sp
                        join growth.run_cohort c on c.run_id = sp.run_id and c.seq = sp.cohort_seq
                        where sp.run_id = ? and sp.student_id = ? order by sp.subject""")
                .params(run.id(), studentId)
                .query((rs, n) -> subjectGrowth(run, rs))
                .list();
        return new StudentGrowth(run, studentId, student.name(), student.gradeLevel(), student.campusName(), subjects);
    }

    private SubjectGrowth subjectGrowth(GrowthRun run, ResultSet rs) throws SQLException {
        var subject = rs.getString("subject");
        double[] priors = GrowthRuns.doubles(rs.getArray("prior_scores"));
        var priorGrades = List.of((String[]) rs.getArray("prior_grades").getArray());
        var rowsOfMatrix = (Double[][]) rs.getArray("coefficients").getArray();
        double[][] coefficients = new double[rowsOfMatrix.length][];
        for (int t = 0; t < rowsOfMatrix.length; t++) {
            coefficients[t] = Arrays.stream(rowsOfMatrix[t])
                    .mapToDouble(Double::doubleValue)
                    .toArray();
        }
        var knots = new ArrayList<KnotsAndBoundaries>();
        for (var grade : priorGrades) {
            knots.add(knots(run.id(), subject, grade));
        }
        var scores = new ArrayList<YearScore>();
        for (int k = priors.length - 1; k >= 0; k--) {
            scores.add(new YearScore(run.year() - k - 1, priorGrades.get(k), priors[k]));
        }
        scores.add(new YearScore(run.year(), rs.getString("grade"), rs.getDouble("scale_score")));
        double[] predicted = PercentileCurves.predicted(coefficients, knots, priors);
        double[] atPriors = new double[PercentileCurves.SHOWN.length];
        for (int s = 0; s < atPriors.length; s++) {
            atPriors[s] = predicted[PercentileCurves.SHOWN[s] - 1];
        }
        return new SubjectGrowth(
                subject,
                rs.getString("grade"),
                rs.getInt("sgp"),
                rs.getInt("sgp_order"),
                scores,
                PercentileCurves.SHOWN.clone(),
                atPriors,
                PercentileCurves.curves(coefficients, knots, priors));
    }

    private KnotsAndBoundaries knots(long runId, String subject, String grade) {
        return jdbc.sql("""
                        select knots, lower_boundary, upper_boundary from growth.run_knots
                        where run_id = ? and subject = ? and grade = ?""")
                .params(runId, subject, grade)
                .query((rs, n) ->
                        new KnotsAndBoundaries(GrowthRuns.doubles(rs.getArray(1)), rs.getDouble(2), rs.getDouble(3)))
                .single();
    }

    /** Every student percentile of a run, for district administrators' export. */
    public void forEachPercentile(CurrentUser user, long runId, Consumer<Map<String, Object>> each) {
        if (!user.isDistrictAdmin()) {
            throw new ForbiddenException("The run's student percentiles are for district administrators");
        }
        runs.get(runId);
        jdbc.sql("""
                        select p.student_id, p.subject, p.grade, p.sgp, p.sgp_order, p.scale_score,
                               array_to_string(p.prior_scores, ' ') as prior_scores, p.cohort_seq
                        from growth.student_percentile p where p.run_id = ? order by p.student_id, p.subject""").param(runId).query(rs -> {
            var row = new LinkedHashMap<String, Object>();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                row.put(rs.getMetaData().getColumnLabel(c), rs.getObject(c));
            }
            each.accept(row);
        });
    }

    /** The cohorts of a run with their knots and coefficient matrices, for audit and appeals. */
    public void forEachCohort(CurrentUser user, long runId, Consumer<Map<String, Object>> each) {
        if (!user.isDistrictAdmin()) {
            throw new ForbiddenException("A run's cohorts are for district administrators");
        }
        runs.get(runId);
        jdbc.sql("""
                        select seq as cohort, subject, grade, array_to_string(prior_grades, ' ') as prior_grades, students,
                               skipped_because, array_to_string(coefficients, ' ') as coefficients_by_quantile_then_column
                        from growth.run_cohort where run_id = ? order by seq""").param(runId).query(rs -> {
            var row = new LinkedHashMap<String, Object>();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                row.put(rs.getMetaData().getColumnLabel(c), rs.getObject(c));
            }
            each.accept(row);
        });
    }

    private List<Measure> measures(long runId, String where) {
        return jdbc.sql("select * from growth.growth_measure where run_id = ? and " + where
                        + " order by scope, campus_id nulls first, staff_id nulls first,"
                        + " case subject when 'All' then 0 else 1 end, subject")
                .param(runId)
                .query(GrowthResults::map)
                .list();
    }

    private List<Measure> named(List<Measure> measures) {
        var staffNames = teachersOfRecord.namesOf(new HashSet<>(
                measures.stream().map(Measure::staffId).filter(Objects::nonNull).toList()));
        var campusNames = new HashMap<Long, String>();
        for (Campus campus : directory.campuses()) {
            campusNames.put(campus.id(), campus.name());
        }
        return measures.stream()
                .map(m -> new Measure(
                        m.scope(),
                        m.staffId(),
                        m.campusId(),
                        m.staffId() != null
                                ? staffNames.get(m.staffId())
                                : m.campusId() != null ? campusNames.get(m.campusId()) : "Network",
                        m.subject(),
                        m.students(),
                        m.weight(),
                        m.mgp(),
                        m.weightedMgp(),
                        m.meanSgp(),
                        m.standardError(),
                        m.reported(),
                        m.growthLevel()))
                .sorted(Comparator.comparing((Measure m) -> m.name() == null ? "" : m.name())
                        .thenComparing(m -> m.subject().equals(Measure.ALL_SUBJECTS) ? "" : m.subject()))
                .toList();
    }

    private static Measure map(ResultSet rs, int row) throws SQLException {
        return new Measure(
                Measure.Scope.valueOf(rs.getString("scope")),
                (Long) rs.getObject("staff_id"),
                (Long) rs.getObject("campus_id"),
                null,
                rs.getString("subject"),
                rs.getInt("students"),
                rs.getDouble("weight"),
                rs.getDouble("mgp"),
                rs.getDouble("weighted_mgp"),
                rs.getDouble("mean_sgp"),
                rs.getObject("standard_error") == null ? null : rs.getDouble("standard_error"),
                rs.getBoolean("reported"),
                rs.getString("growth_level"));
    }
}
