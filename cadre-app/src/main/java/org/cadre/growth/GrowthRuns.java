package org.cadre.growth;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.cadre.audit.AuditTrail;
import org.cadre.growth.engine.Cohort;
import org.cadre.growth.engine.CohortFit;
import org.cadre.growth.engine.CohortProgress;
import org.cadre.growth.engine.GrowthPercentiles;
import org.cadre.growth.engine.GrowthResult;
import org.cadre.growth.engine.GrowthSettings;
import org.cadre.growth.engine.StudentGrowthPercentile;
import org.cadre.organization.SchoolYear;
import org.cadre.organization.SchoolYears;
import org.cadre.organization.TeachersOfRecord;
import org.cadre.policy.Policies;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.InvalidInputException;
import org.cadre.shared.NotFoundException;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Growth runs of a school year. A run reads the year's scale scores and those of the prior years, has the
 * growth engine fit every cohort, works out the measures of teachers of record, campuses and the network under
 * the year's policy, and writes all of it — percentiles with the scores behind them, knots and boundaries, every
 * cohort's coefficient matrix, measures — in one transaction, at the end of which it becomes the year's current
 * run and {@link GrowthRunCompleted} is published. Progress (cohort i of n) is written in short transactions of
 * its own, so a page can follow it. Runs started from a page or the API run in the background, one at a time.
 */
@Service
public class GrowthRuns {

    /** Runs condition on at most two prior years: three years of scores, as networks usually keep. */
    public static final int DEFAULT_MAX_ORDER = 2;

    private static final Logger log = LoggerFactory.getLogger(GrowthRuns.class);
    private static final long LOCK = 0x47726f777468L;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final TransactionTemplate own;
    private final SchoolYears schoolYears;
    private final Policies policies;
    private final TeachersOfRecord teachersOfRecord;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "growth-run");
        thread.setDaemon(true);
        return thread;
    });

    GrowthRuns(
            JdbcClient jdbc,
            DataSource dataSource,
            PlatformTransactionManager transactions,
            SchoolYears schoolYears,
            Policies policies,
            TeachersOfRecord teachersOfRecord,
            AuditTrail audit,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.schoolYears = schoolYears;
        this.policies = policies;
        this.teachersOfRecord = teachersOfRecord;
        this.audit = audit;
        this.events = events;
    }

    /** Queues a run of the school year and returns it at once; follow it with {@link #get(long)}. */
    public GrowthRun start(CurrentUser user, long schoolYearId) {
        long id = create(user, schoolYearId);
        background.submit(() -> execute(id));
        return get(id);
    }

    /** Runs the school year now, on this thread: for the command line and benchmarks. */
    public GrowthRun runNow(CurrentUser user, long schoolYearId) {
        long id = create(user, schoolYearId);
        execute(id);
        return get(id);
    }

    private long create(CurrentUser user, long schoolYearId) {
        var year = schoolYears.all().stream()
                .filter(y -> y.id() == schoolYearId)
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("schoolYearId", "There is no such school year"));
        long policyVersionId = policies.inForce(schoolYearId).id();
        return own.execute(s -> jdbc.sql("""
                        insert into growth.growth_run (school_year_id, year, policy_version_id, max_order, status, started_by)
                        values (?, ?, ?, ?, 'QUEUED', ?) returning id""")
                .params(
                        schoolYearId,
                        springYear(year),
                        policyVersionId,
                        DEFAULT_MAX_ORDER,
                        user == null ? "system" : user.displayName() + " <" + user.email() + ">")
                .query(Long.class)
                .single());
    }

    /** School years are keyed in scores by the calendar year of their spring, when tests are given. */
    static int springYear(SchoolYear year) {
        return year.endsOn().getYear();
    }

    public GrowthRun get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("Growth run", id));
    }

    public Optional<GrowthRun> find(long id) {
        return jdbc.sql("select * from growth.growth_run where id = ?")
                .param(id)
                .query(GrowthRuns::map)
                .optional();
    }

    /** The current run of a school year: its latest completed one. */
    public Optional<GrowthRun> current(long schoolYearId) {
        return jdbc.sql("select * from growth.growth_run where school_year_id = ? and is_current")
                .param(schoolYearId)
                .query(GrowthRuns::map)
                .optional();
    }

    public List<GrowthRun> history(int limit) {
        return jdbc.sql("select * from growth.growth_run order by id desc limit ?")
                .param(limit)
                .query(GrowthRuns::map)
                .list();
    }

    private void execute(long id) {
        var run = get(id);
        long started = System.nanoTime();
        try {
            var calculation = calculate(run);
            progress(
                    id, GrowthRun.Status.WRITING, calculation.result().cohorts().size());
            long writing = System.nanoTime();
            transaction.executeWithoutResult(tx -> write(run, calculation));
            log.info("Growth run {}: results written in {} ms", id, (System.nanoTime() - writing) / 1_000_000);
            log.info(
                    "Growth run {} of {} completed in {} s: {} percentiles, {} cohorts",
                    id,
                    run.year(),
                    Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                    calculation.result().percentiles().size(),
                    calculation.result().cohorts().size());
        } catch (RuntimeException | OutOfMemoryError e) {
            log.warn("Growth run {} failed", id, e);
            own.executeWithoutResult(s -> jdbc.sql("""
                            update growth.growth_run set status = 'FAILED', finished_at = clock_timestamp(), message = ?
                            where id = ?""")
                    .params("Nothing was written. " + e.getMessage(), id)
                    .update());
        }
    }

    /** What a run computed, before it is written. */
    record Calculation(ScoreRows scores, GrowthResult result, int[] cohortOf, List<Measure> measures, Links links) {}

    private Calculation calculate(GrowthRun run) {
        long started = System.nanoTime();
        var scores = new ScoreRows();
        var subjects = TestedSubjects.ALL.toArray(String[]::new);
        // COPY out is several times faster than a result set for millions of rows.
        var query = "copy (select student_id, subject, school_year, grade, scale_score from growth.assessment_result"
                + " where school_year between " + (run.year() - run.maxOrder()) + " and " + run.year()
                + " and subject in ('" + String.join("', '", subjects) + "')"
                + " order by student_id, subject, school_year) to stdout";
        var connection = DataSourceUtils.getConnection(dataSource);
        try (var in = new java.io.BufferedReader(
                new java.io.InputStreamReader(
                        new org.postgresql.copy.PGCopyInputStream(connection.unwrap(PGConnection.class), query),
                        java.nio.charset.StandardCharsets.UTF_8),
                1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                int a = line.indexOf('\t');
                int b = line.indexOf('\t', a + 1);
                int c = line.indexOf('\t', b + 1);
                int d = line.indexOf('\t', c + 1);
                scores.add(
                        Long.parseLong(line, 0, a, 10),
                        TestedSubjects.ALL.indexOf(line.substring(a + 1, b)),
                        Integer.parseInt(line, b + 1, c, 10),
                        line.substring(c + 1, d),
                        Double.parseDouble(line.substring(d + 1)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the scores: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        long read = System.nanoTime();
        // The teachers-of-record query does not need the percentiles: it runs while the engine fits.
        var taught = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> Links.Taught.read(run.schoolYearId(), teachersOfRecord), helper());
        var progress = new Progress(run.id());
        var settings = GrowthSettings.forYear(run.year(), run.maxOrder()).withProgress(progress);
        progress.first(scores.rows());
        var result = GrowthPercentiles.calculate(scores.table(), settings);
        long fitted = System.nanoTime();
        var cohortIndex = new HashMap<String, Integer>();
        for (int c = 0; c < result.cohorts().size(); c++) {
            cohortIndex.put(cohortKey(result.cohorts().get(c).cohort()), c);
        }
        var percentiles = result.percentiles();
        int[] cohortOf = new int[percentiles.size()];
        for (int i = 0; i < percentiles.size(); i++) {
            var p = percentiles.get(i);
            var priorGrades = new ArrayList<String>();
            long student = Long.parseLong(p.studentId());
            int subject = TestedSubjects.ALL.indexOf(p.subject());
            for (int k = 1; k <= p.order(); k++) {
                priorGrades.add(scores.grade(scores.find(student, subject, p.year() - k)));
            }
            cohortOf[i] = cohortIndex.get(p.subject() + "|" + p.grade() + "|" + String.join(",", priorGrades));
        }
        var links = taught.join().of(percentiles);
        long linked = System.nanoTime();
        var policy = GrowthMeasurePolicy.of(
                policies.version(run.policyVersionId()).document().growth());
        var measures = links.measures(percentiles, policy);
        log.info(
                "Growth run {}: read {} scores in {} ms, fitted in {} ms, {} teacher links in {} ms, {} measures in {} ms",
                run.id(),
                scores.rows(),
                (read - started) / 1_000_000,
                (fitted - read) / 1_000_000,
                links.size(),
                (linked - fitted) / 1_000_000,
                measures.size(),
                (System.nanoTime() - linked) / 1_000_000);
        return new Calculation(scores, result, cohortOf, measures, links);
    }

    private static String cohortKey(Cohort cohort) {
        return cohort.subject() + "|" + cohort.grade() + "|" + String.join(",", cohort.priorGrades());
    }

    private void write(GrowthRun run, Calculation calculation) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query(rs -> {});
        var result = calculation.result();
        var copy = new Copy();
        for (var entry : result.knots().entrySet()) {
            var knots = entry.getValue();
            copy.row(
                    run.id(),
                    entry.getKey().subject(),
                    entry.getKey().grade(),
                    array(knots.knots()),
                    knots.lowerBoundary(),
                    knots.upperBoundary());
        }
        copy.into("growth.run_knots (run_id, subject, grade, knots, lower_boundary, upper_boundary)");
        for (int c = 0; c < result.cohorts().size(); c++) {
            CohortFit fit = result.cohorts().get(c);
            var cohort = fit.cohort();
            var process = fit.process();
            copy.row(
                    run.id(),
                    c,
                    cohort.subject(),
                    cohort.grade(),
                    textArray(cohort.priorGrades()),
                    cohort.students(),
                    process.map(p -> array(p.taus())).orElse(null),
                    process.map(p -> matrix(p.coefficients())).orElse(null),
                    fit.skippedBecause().orElse(null));
        }
        copy.into("growth.run_cohort (run_id, seq, subject, grade, prior_grades, students, taus, coefficients,"
                + " skipped_because)");
        var scores = calculation.scores();
        var percentiles = result.percentiles();
        for (int i = 0; i < percentiles.size(); i++) {
            StudentGrowthPercentile p = percentiles.get(i);
            long student = Long.parseLong(p.studentId());
            int subject = TestedSubjects.ALL.indexOf(p.subject());
            double[] priors = new double[p.order()];
            for (int k = 1; k <= p.order(); k++) {
                priors[k - 1] = scores.score(scores.find(student, subject, p.year() - k));
            }
            copy.row(
                    run.id(),
                    student,
                    p.subject(),
                    p.grade(),
                    p.sgp(),
                    p.order(),
                    calculation.cohortOf()[i],
                    scores.score(scores.find(student, subject, p.year())),
                    array(priors));
            copy.flushIfLarge("growth.student_percentile (run_id, student_id, subject, grade, sgp, sgp_order,"
                    + " cohort_seq, scale_score, prior_scores)");
        }
        copy.into("growth.student_percentile (run_id, student_id, subject, grade, sgp, sgp_order, cohort_seq,"
                + " scale_score, prior_scores)");
        calculation.links().write(run.id(), copy, percentiles);
        for (var m : calculation.measures()) {
            copy.row(
                    run.id(),
                    m.scope().name(),
                    m.staffId(),
                    m.campusId(),
                    m.subject(),
                    m.students(),
                    m.weight(),
                    m.mgp(),
                    m.weightedMgp(),
                    m.meanSgp(),
                    m.standardError(),
                    m.reported(),
                    m.growthLevel());
        }
        copy.into("growth.growth_measure (run_id, scope, staff_id, campus_id, subject, students, weight, mgp,"
                + " weighted_mgp, mean_sgp, standard_error, reported, growth_level)");
        jdbc.sql("update growth.growth_run set is_current = false where school_year_id = ? and is_current")
                .param(run.schoolYearId())
                .update();
        jdbc.sql("""
                        update growth.growth_run set status = 'COMPLETED', is_current = true, finished_at = clock_timestamp(),
                            cohorts_done = cohorts_total, scores = ?, percentiles = ?, message = ?
                        where id = ?""")
                .params(scores.rows(), percentiles.size(), completedMessage(result), run.id())
                .update();
        audit.created(
                "growth_run",
                run.id(),
                null,
                "Growth run of " + (run.year() - 1) + "-" + run.year() + ": " + percentiles.size()
                        + " student growth percentiles",
                Map.of(
                        "percentiles",
                        percentiles.size(),
                        "cohorts",
                        result.cohorts().size(),
                        "policyVersionId",
                        run.policyVersionId()));
        events.publishEvent(new GrowthRunCompleted(run.id(), run.schoolYearId(), run.policyVersionId()));
    }

    private static String completedMessage(GrowthResult result) {
        long skipped =
                result.cohorts().stream().filter(c -> c.process().isEmpty()).count();
        return result.cohorts().size() + " cohorts fitted or skipped"
                + (skipped == 0 ? "" : " (" + skipped + " skipped: too few students for their coefficients)") + ".";
    }

    private void progress(long id, GrowthRun.Status status, int total) {
        own.executeWithoutResult(s -> jdbc.sql(
                        "update growth.growth_run set status = ?, cohorts_total = ?, cohorts_done = ? where id = ?")
                .params(status.name(), total, status == GrowthRun.Status.WRITING ? total : 0, id)
                .update());
    }

    /** Reports cohort i of n from the engine, at most twice a second, in transactions of its own. */
    private final class Progress implements CohortProgress {
        private final long id;
        private long last;

        Progress(long id) {
            this.id = id;
        }

        void first(int scores) {
            own.executeWithoutResult(
                    s -> jdbc.sql("update growth.growth_run set status = 'FITTING', scores = ? where id = ?")
                            .params(scores, id)
                            .update());
        }

        @Override
        public void starting(int index, int count, Cohort cohort) {
            long now = System.nanoTime();
            if (index == 1 || now - last > 500_000_000L) {
                last = now;
                own.executeWithoutResult(
                        s -> jdbc.sql("update growth.growth_run set cohorts_total = ?, cohorts_done = ? where id = ?")
                                .params(count, index - 1, id)
                                .update());
            }
        }
    }

    /** Rows for PostgreSQL COPY in text format, sent on the transaction's connection. */
    final class Copy {
        private final StringBuilder rows = new StringBuilder(1 << 20);

        void row(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    rows.append('\t');
                }
                var value = values[i];
                if (value == null) {
                    rows.append("\\N");
                } else {
                    var text = value.toString();
                    for (int c = 0; c < text.length(); c++) {
                        char ch = text.charAt(c);
                        switch (ch) {
                            case '\\' -> rows.append("\\\\");
                            case '\t' -> rows.append("\\t");
                            case '\n' -> rows.append("\\n");
                            case '\r' -> rows.append("\\r");
                            default -> rows.append(ch);
                        }
                    }
                }
            }
            rows.append('\n');
        }

        void flushIfLarge(String table) {
            if (rows.length() > 8 << 20) {
                into(table);
            }
        }

        void into(String table) {
            if (rows.isEmpty()) {
                return;
            }
            try {
                var connection = DataSourceUtils.getConnection(dataSource);
                connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("copy " + table + " from stdin", new StringReader(rows.toString()));
            } catch (SQLException e) {
                throw new IllegalStateException("Could not write " + table + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows.setLength(0);
        }
    }

    /** A float8[] literal; Java's shortest round-trip decimal reads back as the same double. */
    static String array(double[] values) {
        var text = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(values[i]);
        }
        return text.append('}').toString();
    }

    static String matrix(double[][] rows) {
        var text = new StringBuilder("{");
        for (int i = 0; i < rows.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(array(rows[i]));
        }
        return text.append('}').toString();
    }

    static String textArray(List<String> values) {
        var text = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append('"')
                    .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return text.append('}').toString();
    }

    static double[] doubles(java.sql.Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        return Arrays.stream((Double[]) array.getArray())
                .mapToDouble(Double::doubleValue)
                .toArray();
    }

    @EventListener(ApplicationReadyEvent.class)
    void failInterrupted() {
        int n = own.execute(s -> jdbc.sql("""
                        update growth.growth_run set status = 'FAILED', finished_at = clock_timestamp(),
                            message = 'Cadre stopped while this run was under way; nothing of it was written. Run it again.'
                        where status in ('QUEUED', 'FITTING', 'WRITING')""").update());
        if (n > 0) {
            log.warn("{} growth run(s) were interrupted by a stop of Cadre; they wrote nothing", n);
        }
    }

    /** Helps a run with work that can overlap the fit; daemon threads, so a stop of Cadre is not held up. */
    private static java.util.concurrent.Executor helper() {
        return task -> {
            var thread = new Thread(task, "growth-run-helper");
            thread.setDaemon(true);
            thread.start();
        };
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    private static GrowthRun map(ResultSet rs, int row) throws SQLException {
        return new GrowthRun(
                rs.getLong("id"),
                rs.getLong("school_year_id"),
                rs.getInt("year"),
                rs.getLong("policy_version_id"),
                rs.getInt("max_order"),
                GrowthRun.Status.valueOf(rs.getString("status")),
                rs.getBoolean("is_current"),
                rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("finished_at") == null
                        ? null
                        : rs.getTimestamp("finished_at").toInstant(),
                rs.getInt("cohorts_total"),
                rs.getInt("cohorts_done"),
                rs.getInt("scores"),
                rs.getInt("percentiles"),
                rs.getString("message"));
    }
}
