package org.cadre.growth;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.cadre.organization.SchoolYears;
import org.cadre.organization.Students;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deterministic Math and Reading/ELA scale scores for the students of a loaded demo network, since the demo
 * generator writes no test results: for every active student, the current school year and the two before, in
 * each year their grade was 3 to 8 (counting back from their current grade). A student's scores depend only on
 * the seed and the student's id, so the same network and seed always get the same scores.
 *
 * <p>Each student's latent achievement follows an autoregressive path with heteroskedastic, heavy-tailed yearly
 * changes, plus a small effect of their campus, on a slightly non-linear scale: enough for the B-splines and
 * the measures to have something to show. Rows go in with {@code COPY}; scores already there are kept.
 */
@Component
public class DemoScores {

    static final String TEST = "STAAR";
    static final int YEARS = 3;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final Students students;
    private final SchoolYears schoolYears;

    DemoScores(
            JdbcClient jdbc,
            DataSource dataSource,
            PlatformTransactionManager transactions,
            Students students,
            SchoolYears schoolYears) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
        this.students = students;
        this.schoolYears = schoolYears;
    }

    /**
     * Writes the scores of the current school year and the two before it.
     *
     * @return how many scores were added
     */
    public long generate(long seed) {
        var current = schoolYears.current().orElseThrow(() -> new IllegalStateException("No current school year"));
        int year = GrowthRuns.springYear(current);
        return transaction.execute(tx -> {
            jdbc.sql("""
                    create temporary table demo_scores (like growth.assessment_result including defaults) on commit drop
                    """).update();
            var rows = new StringBuilder(1 << 20);
            var copy = new long[] {0};
            students.forEachActive(student -> {
                Integer grade = numericGrade(student.gradeLevel());
                if (grade == null || grade - YEARS + 1 > 8 || grade < 3) {
                    return;
                }
                append(rows, seed, student.id(), student.campusId() == null ? 0 : student.campusId(), grade, year);
                if (rows.length() > 4 << 20) {
                    copy(rows);
                }
            });
            copy(rows);
            return (long) jdbc.sql("""
                    insert into growth.assessment_result
                        (student_id, subject, school_year, test, grade, scale_score, achievement_level)
                    select student_id, subject, school_year, test, grade, scale_score, achievement_level from demo_scores
                    on conflict do nothing""").update();
        });
    }

    /** One student's rows: both subjects, each year of the last three in which their grade was tested. */
    static void append(StringBuilder rows, long seed, long studentId, long campusId, int currentGrade, int year) {
        var random = new SplittableRandom(mix(seed, studentId));
        double campusEffect = 0.12 * new SplittableRandom(mix(seed ^ 0x636d70L, campusId)).nextGaussian();
        double general = random.nextGaussian();
        double[] latent = new double[YEARS];
        for (var subject : TestedSubjects.ALL) {
            latent[0] = 0.6 * general + 0.8 * random.nextGaussian();
            for (int t = 1; t < YEARS; t++) {
                double previous = latent[t - 1];
                double spread = 0.45 * (1 + 0.3 * Math.tanh(previous));
                double shock = random.nextDouble() < 0.85 ? random.nextGaussian() : 2.2 * random.nextGaussian();
                latent[t] = 0.1 + campusEffect + 0.8 * previous + spread * shock;
            }
            for (int t = 0; t < YEARS; t++) {
                int yearsBack = YEARS - 1 - t;
                int grade = currentGrade - yearsBack;
                if (grade < 3 || grade > 8) {
                    continue;
                }
                double a = latent[t];
                long score = Math.round(1300 + 60 * grade + 105 * a + 12 * a * a);
                rows.append(studentId)
                        .append('\t')
                        .append(subject)
                        .append('\t')
                        .append(year - yearsBack)
                        .append('\t')
                        .append(TEST)
                        .append('\t')
                        .append(grade)
                        .append('\t')
                        .append(score)
                        .append('\t')
                        .append(level(a))
                        .append("\t\\N\n");
            }
        }
    }

    private static String level(double latent) {
        if (latent < -0.8) {
            return "Did Not Meet";
        }
        if (latent < 0) {
            return "Approaches";
        }
        return latent < 0.9 ? "Meets" : "Masters";
    }

    private static long mix(long seed, long id) {
        long z = seed * 0x9E3779B97F4A7C15L + id;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static Integer numericGrade(String gradeLevel) {
        if (gradeLevel == null || !gradeLevel.matches("\\d{1,2}")) {
            return null;
        }
        return Integer.parseInt(gradeLevel);
    }

    private void copy(StringBuilder rows) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            var connection = DataSourceUtils.getConnection(dataSource);
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "copy demo_scores (student_id, subject, school_year, test, grade, scale_score, achievement_level,"
                                    + " import_id) from stdin",
                            new StringReader(rows.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write demo scores: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows.setLength(0);
    }
}
