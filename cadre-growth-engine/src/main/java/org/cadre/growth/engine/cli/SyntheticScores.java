package org.cadre.growth.engine.cli;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic longitudinal scale scores for tests, R references and benchmarks: the
 * same options and seed always give the same file, byte for byte.
 *
 * <p>Each student's latent achievement follows an autoregressive path with heteroskedastic,
 * heavy-tailed yearly changes, and the scale is slightly non-linear, so the conditional quantiles
 * are neither parallel nor straight and the B-splines have something to do.
 *
 * @param students how many students
 * @param priors how many years before {@code year} each student has
 * @param seed the random seed
 * @param year the most recent year
 * @param grade every student's grade in {@code year}; one grade lower each year before
 * @param subjects the subjects, each scored every year
 * @param missingRate the share of students who miss one prior year at random
 * @param decimals decimals of the written scores
 */
public record SyntheticScores(
        int students,
        int priors,
        long seed,
        int year,
        int grade,
        List<String> subjects,
        double missingRate,
        int decimals) {

    public SyntheticScores {
        subjects = List.copyOf(subjects);
        if (students < 1 || priors < 0 || subjects.isEmpty() || decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("students >= 1, priors >= 0, a subject and 0..6 decimals needed");
        }
    }

    /** Writes the header and one row per student, subject and year. */
    public void write(Writer out) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        int width = Integer.toString(students).length();
        out.write("student_id,subject,year,grade,scale_score\n");
        StringBuilder line = new StringBuilder(64);
        double[] latent = new double[priors + 1];
        for (int s = 0; s < students; s++) {
            String id = "S" + "0".repeat(width - Integer.toString(s + 1).length()) + (s + 1);
            double general = random.nextGaussian();
            for (int subject = 0; subject < subjects.size(); subject++) {
                int missing = random.nextDouble() < missingRate && priors > 0 ? 1 + random.nextInt(priors) : -1;
                latent[0] = 0.6 * general + 0.8 * random.nextGaussian();
                for (int t = 1; t <= priors; t++) {
                    double previous = latent[t - 1];
                    double spread = 0.45 * (1 + 0.3 * Math.tanh(previous));
                    double shock = random.nextDouble() < 0.85 ? random.nextGaussian() : 2.2 * random.nextGaussian();
                    latent[t] = 0.1 + 0.8 * previous + spread * shock;
                }
                for (int t = 0; t <= priors; t++) {
                    int yearsBack = priors - t;
                    if (yearsBack == missing) {
                        continue;
                    }
                    int rowGrade = grade - yearsBack;
                    double a = latent[t];
                    double score = 300 + 20 * rowGrade + 35 * a + 4 * a * a;
                    line.setLength(0);
                    line.append(id)
                            .append(',')
                            .append(subjects.get(subject))
                            .append(',')
                            .append(year - yearsBack)
                            .append(',')
                            .append(rowGrade)
                            .append(',')
                            .append(BigDecimal.valueOf(score)
                                    .setScale(decimals, RoundingMode.HALF_EVEN)
                                    .toPlainString())
                            .append('\n');
                    out.append(line);
                }
            }
        }
    }
}
