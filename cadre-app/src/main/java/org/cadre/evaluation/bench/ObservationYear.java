package org.cadre.evaluation.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.cadre.evaluation.appraisal.Teachers;
import org.cadre.evaluation.rubric.Rubric;
import org.cadre.evaluation.rubric.Rubrics;
import org.cadre.evaluation.rules.FeedbackDeadline;
import org.cadre.evaluation.rules.WorkingDays;
import org.cadre.organization.Directory;
import org.cadre.organization.StaffSummary;
import org.cadre.policy.Policies;
import org.cadre.shared.AccessRole;
import org.cadre.shared.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A whole school year of observations for the evaluation benchmark ({@code bench/evaluation/run.sh}): every
 * teacher of every campus gets 3 to 5 observations (the first formal, the others informal or walkthroughs) by
 * one of the campus's appraisers, to whom they are assigned round-robin. A lesson on or before {@code today} is
 * rated on the year's rubric, shared (a few late) and mostly acknowledged; a later one is only scheduled. Each
 * teacher has a level of practice around Proficient, and ratings scatter around it.
 *
 * <p>Deterministic: the same network, seed and day give the same rows. Not a bean: only
 * {@link ObservationYearCommand} builds it, so nothing in the running application can call it. Teachers and
 * appraisers are read through the organisation's directory, as the district administrator sees them.
 */
final class ObservationYear {

    /** What was written. */
    record Generated(int campuses, int teachers, int observations, int ratings, int shared) {}

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Teachers teachers;
    private final Rubrics rubrics;
    private final Policies policies;
    private final ZoneId zone;

    ObservationYear(
            JdbcClient jdbc, Directory directory, Teachers teachers, Rubrics rubrics, Policies policies, ZoneId zone) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.teachers = teachers;
        this.rubrics = rubrics;
        this.policies = policies;
        this.zone = zone;
    }

    /** Observations the year already has; the generator writes into an empty year only. */
    long existing(long schoolYearId) {
        return jdbc.sql("select count(*) from evaluation.observation where school_year_id = ?")
                .param(schoolYearId)
                .query(Long.class)
                .single();
    }

    Generated generate(CurrentUser districtAdmin, long schoolYearId, long seed, LocalDate today) {
        var year = teachers.year(schoolYearId);
        var rubric = rubrics.inForce(schoolYearId);
        var policy = policies.inForce(schoolYearId);
        var evaluation = policy.document().evaluation();
        var holidays = new HashSet<>(jdbc.sql("select day from evaluation.holiday")
                .query(LocalDate.class)
                .list());
        var deadline = new FeedbackDeadline(evaluation.feedbackDueWorkingDays(), new WorkingDays(holidays));
        int formalMinutes = evaluation.formalObservations().minimumMinutes();
        var observed =
                rubric.observedDimensions().stream().map(Rubric.Dimension::code).toList();
        var random = new SplittableRandom(seed);
        var lessonDays = schoolDays(year.beginsOn().plusWeeks(3), year.endsOn().minusWeeks(2), holidays);

        var observations = new Rows();
        var assignments = new ArrayList<long[]>();
        int campuses = 0;
        int teacherCount = 0;
        for (var campus : directory.campuses().stream()
                .sorted(Comparator.comparingLong(c -> c.id()))
                .toList()) {
            var appraisers = sortedIds(teachers.staffWithRole(districtAdmin, campus.id(), AccessRole.APPRAISER));
            if (appraisers.isEmpty()) {
                continue;
            }
            campuses++;
            var campusTeachers = sortedIds(teachers.ofCampus(districtAdmin, campus.id()));
            for (int t = 0; t < campusTeachers.size(); t++) {
                long teacher = campusTeachers.get(t);
                long appraiser = appraisers.get(t % appraisers.size());
                if (teacher == appraiser) {
                    continue;
                }
                teacherCount++;
                assignments.add(new long[] {campus.id(), teacher, appraiser});
                double practice = clamp(3.0 + 0.6 * random.nextGaussian(), 1.2, 4.8);
                int count = 3 + random.nextInt(3);
                // Lessons spread over the year: one in each part of it, a random day within the part.
                for (int n = 0; n < count; n++) {
                    int from = lessonDays.size() * n / count;
                    int to = lessonDays.size() * (n + 1) / count;
                    var day = lessonDays.get(from + random.nextInt(to - from));
                    var kind = n == 0 ? "FORMAL" : (random.nextInt(3) == 0 ? "WALKTHROUGH" : "INFORMAL");
                    int planned = switch (kind) {
                        case "FORMAL" -> formalMinutes + 5;
                        case "INFORMAL" -> 20 + 5 * random.nextInt(3);
                        default -> 10 + 5 * random.nextInt(2);
                    };
                    var at = day.atTime(LocalTime.of(8, 0).plusMinutes(15L * random.nextInt(28)))
                            .atZone(zone)
                            .toInstant();
                    var row = observations.add(
                            campus.id(), teacher, appraiser, kind, random.nextInt(5) != 0, at, planned);
                    if (day.isAfter(today)) {
                        continue;
                    }
                    // Rated: every observed dimension in a formal lesson, some in the shorter ones.
                    int rated = kind.equals("FORMAL")
                            ? observed.size()
                            : (kind.equals("INFORMAL") ? observed.size() / 2 : 3);
                    var dimensions = new ArrayList<>(observed);
                    for (int d = 0; d < rated; d++) {
                        var code = dimensions.remove(random.nextInt(dimensions.size()));
                        int value = (int) Math.round(practice + 0.7 * random.nextGaussian());
                        observations.rate(row, code, Math.clamp(value, rubric.lowest(), rubric.highest()));
                    }
                    // Feedback mostly within the deadline; about one in twelve late.
                    int workingDaysLater = random.nextInt(12) == 0
                            ? evaluation.feedbackDueWorkingDays() + 1 + random.nextInt(5)
                            : random.nextInt(evaluation.feedbackDueWorkingDays() + 1);
                    var sharedOn = new WorkingDays(holidays).after(day, workingDaysLater);
                    if (sharedOn.isAfter(today)) {
                        observations.rated(row, kind.equals("FORMAL") ? planned : planned - random.nextInt(5));
                        continue;
                    }
                    observations.shared(
                            row,
                            kind.equals("FORMAL") ? planned : planned - random.nextInt(5),
                            sharedOn.atTime(16, 30).atZone(zone).toInstant(),
                            deadline.dueOn(day),
                            deadline.isLate(day, sharedOn),
                            random.nextInt(7) != 0);
                }
            }
        }

        jdbc.sql("""
                        insert into evaluation.appraiser_assignment (school_year_id, campus_id, teacher_staff_id, appraiser_staff_id)
                        select ?, t.campus, t.teacher, t.appraiser
                        from unnest(cast(? as bigint[]), cast(? as bigint[]), cast(? as bigint[])) as t(campus, teacher, appraiser)
                        on conflict do nothing
                        """)
                .params(
                        schoolYearId,
                        assignments.stream().map(a -> a[0]).toArray(Long[]::new),
                        assignments.stream().map(a -> a[1]).toArray(Long[]::new),
                        assignments.stream().map(a -> a[2]).toArray(Long[]::new))
                .update();
        var ids = jdbc.sql("""
                        select nextval(pg_get_serial_sequence('evaluation.observation', 'id')) from generate_series(1, ?)
                        """).param(observations.size()).query(Long.class).list();
        jdbc.sql("""
                        insert into evaluation.observation (id, school_year_id, campus_id, teacher_staff_id, appraiser_staff_id,
                            rubric_id, policy_version_id, kind, announced, scheduled_for, planned_minutes, status, started_at,
                            observed_minutes, feedback, shared_at, feedback_due_on, feedback_late, acknowledged_at)
                        select t.id, ?, t.campus, t.teacher, t.appraiser, ?, ?, t.kind, t.announced, t.scheduled_for,
                               t.planned, t.status,
                               case when t.status <> 'SCHEDULED' then t.scheduled_for end,
                               t.observed, case when t.status <> 'SCHEDULED' then 'Generated feedback for the benchmark' end,
                               t.shared_at, t.due, t.late, case when t.status = 'ACKNOWLEDGED' then t.shared_at + interval '1 day' end
                        from unnest(cast(? as bigint[]), cast(? as bigint[]), cast(? as bigint[]), cast(? as bigint[]),
                                    cast(? as text[]), cast(cast(? as text[]) as boolean[]),
                                    cast(cast(? as text[]) as timestamptz[]), cast(? as integer[]), cast(? as text[]),
                                    cast(? as integer[]), cast(cast(? as text[]) as timestamptz[]),
                                    cast(cast(? as text[]) as date[]), cast(cast(? as text[]) as boolean[]))
                             as t(id, campus, teacher, appraiser, kind, announced, scheduled_for, planned, status, observed,
                                  shared_at, due, late)
                        """)
                .params(
                        schoolYearId,
                        rubric.id(),
                        policy.id(),
                        ids.toArray(Long[]::new),
                        observations.campus.toArray(Long[]::new),
                        observations.teacher.toArray(Long[]::new),
                        observations.appraiser.toArray(Long[]::new),
                        observations.kind.toArray(String[]::new),
                        observations.announced.toArray(String[]::new),
                        observations.at.toArray(String[]::new),
                        observations.planned.toArray(Integer[]::new),
                        observations.status.toArray(String[]::new),
                        observations.observed.toArray(Integer[]::new),
                        observations.sharedAt.toArray(String[]::new),
                        observations.due.toArray(String[]::new),
                        observations.late.toArray(String[]::new))
                .update();
        jdbc.sql("""
                        insert into evaluation.observation_rating (observation_id, dimension_code, rating)
                        select t.observation, t.code, t.rating
                        from unnest(cast(? as bigint[]), cast(? as text[]), cast(? as integer[])) as t(observation, code, rating)
                        """)
                .params(
                        observations.ratingRow.stream().map(ids::get).toArray(Long[]::new),
                        observations.ratingCode.toArray(String[]::new),
                        observations.ratingValue.toArray(Integer[]::new))
                .update();
        jdbc.sql("analyze evaluation.observation").update();
        jdbc.sql("analyze evaluation.observation_rating").update();
        jdbc.sql("analyze evaluation.appraiser_assignment").update();
        int shared = (int) observations.status.stream()
                .filter(s -> s.equals("SHARED") || s.equals("ACKNOWLEDGED"))
                .count();
        return new Generated(campuses, teacherCount, observations.size(), observations.ratingRow.size(), shared);
    }

    private static List<Long> sortedIds(List<StaffSummary> people) {
        return people.stream().map(StaffSummary::id).distinct().sorted().toList();
    }

    private static List<LocalDate> schoolDays(LocalDate from, LocalDate to, java.util.Set<LocalDate> holidays) {
        var days = new ArrayList<LocalDate>();
        for (var day = from; !day.isAfter(to); day = day.plus(1, ChronoUnit.DAYS)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY
                    && day.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !holidays.contains(day)) {
                days.add(day);
            }
        }
        return days;
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }

    /** The observations as columns, ready for {@code unnest}. */
    private static final class Rows {
        final List<Long> campus = new ArrayList<>();
        final List<Long> teacher = new ArrayList<>();
        final List<Long> appraiser = new ArrayList<>();
        final List<String> kind = new ArrayList<>();
        final List<String> announced = new ArrayList<>();
        final List<String> at = new ArrayList<>();
        final List<Integer> planned = new ArrayList<>();
        final List<String> status = new ArrayList<>();
        final List<Integer> observed = new ArrayList<>();
        final List<String> sharedAt = new ArrayList<>();
        final List<String> due = new ArrayList<>();
        final List<String> late = new ArrayList<>();
        final List<Integer> ratingRow = new ArrayList<>();
        final List<String> ratingCode = new ArrayList<>();
        final List<Integer> ratingValue = new ArrayList<>();

        int add(
                long campusId,
                long teacherId,
                long appraiserId,
                String kindName,
                boolean isAnnounced,
                java.time.Instant when,
                int plannedMinutes) {
            campus.add(campusId);
            teacher.add(teacherId);
            appraiser.add(appraiserId);
            kind.add(kindName);
            announced.add(String.valueOf(isAnnounced));
            at.add(when.toString());
            planned.add(plannedMinutes);
            status.add("SCHEDULED");
            observed.add(null);
            sharedAt.add(null);
            due.add(null);
            late.add(null);
            return campus.size() - 1;
        }

        void rate(int row, String code, int value) {
            ratingRow.add(row);
            ratingCode.add(code);
            ratingValue.add(value);
        }

        void rated(int row, int minutes) {
            status.set(row, "RATED");
            observed.set(row, minutes);
        }

        void shared(
                int row, int minutes, java.time.Instant when, LocalDate dueOn, boolean isLate, boolean acknowledged) {
            status.set(row, acknowledged ? "ACKNOWLEDGED" : "SHARED");
            observed.set(row, minutes);
            sharedAt.set(row, when.toString());
            due.set(row, dueOn.toString());
            late.set(row, String.valueOf(isLate));
        }

        int size() {
            return campus.size();
        }
    }
}
