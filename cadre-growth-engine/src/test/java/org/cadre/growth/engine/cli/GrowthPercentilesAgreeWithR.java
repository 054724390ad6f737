package org.cadre.growth.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.cadre.growth.engine.CohortFit;
import org.cadre.growth.engine.GrowthPercentiles;
import org.cadre.growth.engine.GrowthResult;
import org.cadre.growth.engine.GrowthSettings;
import org.cadre.growth.engine.KnotsAndBoundaries;
import org.cadre.growth.engine.StudentGrowthPercentile;
import org.cadre.growth.engine.SubjectGrade;
import org.cadre.growth.engine.quantreg.QuantileProcess;
import org.cadre.growth.engine.spline.BSplineBasis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine against R's {@code splines::bs} and {@code quantreg::rq(method = "br")} on the
 * synthetic cohort described in {@code r-reference/reference.properties}; the reference files
 * come from {@code src/test/r/regenerate.sh}, so R is not needed to run this test.
 */
class GrowthPercentilesAgreeWithR {

    private static Properties reference;
    private static GrowthResult result;

    @BeforeAll
    static void calculateOnTheReferenceData() throws Exception {
        reference = new Properties();
        try (InputStream in = resource("reference.properties")) {
            reference.load(in);
        }
        String scores = generate(reference.getProperty("generate"));
        assertThat(sha256(scores))
                .as("the generator must still produce the data R saw; rerun src/test/r/regenerate.sh")
                .isEqualTo(reference.getProperty("sha256"));
        ScoresFile.Contents contents = ScoresFile.read(new StringReader(scores));
        assertThat(contents.badRows()).isEmpty();
        result = GrowthPercentiles.calculate(
                contents.table(),
                GrowthSettings.forYear(
                                Integer.parseInt(reference.getProperty("year")),
                                Integer.parseInt(reference.getProperty("max-order")))
                        .withThreads(2));
    }

    @Test
    void knotsAndBoundariesAreExactlyRs() throws IOException {
        List<String[]> rows = csv("knots.csv");
        assertThat(rows).isNotEmpty();
        for (String[] row : rows) {
            KnotsAndBoundaries ours = result.knots().get(new SubjectGrade(row[0], row[1]));
            assertThat(ours.knots())
                    .containsExactly(
                            Double.parseDouble(row[2]),
                            Double.parseDouble(row[3]),
                            Double.parseDouble(row[4]),
                            Double.parseDouble(row[5]));
            assertThat(ours.lowerBoundary()).isEqualTo(Double.parseDouble(row[6]));
            assertThat(ours.upperBoundary()).isEqualTo(Double.parseDouble(row[7]));
        }
    }

    @Test
    void basisMatchesRInsideAndOutsideTheBoundaries() throws IOException {
        List<String> lines = lines("basis.csv");
        String[] header = lines.get(0).substring(2).split(" ");
        double[] knots = {
            Double.parseDouble(header[1]),
            Double.parseDouble(header[2]),
            Double.parseDouble(header[3]),
            Double.parseDouble(header[4])
        };
        BSplineBasis basis = new BSplineBasis(knots, Double.parseDouble(header[6]), Double.parseDouble(header[7]));
        int outside = 0;
        for (String line : lines.subList(2, lines.size())) {
            String[] fields = line.split(",");
            double x = Double.parseDouble(fields[0]);
            if (x < basis.lowerBoundary() || x > basis.upperBoundary()) {
                outside++;
            }
            double[] ours = basis.evaluate(x);
            for (int j = 0; j < BSplineBasis.COLUMNS; j++) {
                assertThat(ours[j])
                        .as("basis column %d at x = %s", j + 1, fields[0])
                        .isCloseTo(Double.parseDouble(fields[j + 1]), within(1e-10));
            }
        }
        assertThat(outside).isGreaterThanOrEqualTo(6);
    }

    @Test
    void everyQuantileReachesRsMinimumCheckLoss() throws IOException {
        Map<String, QuantileProcess> fitted = new HashMap<>();
        for (CohortFit fit : result.cohorts()) {
            fit.process()
                    .ifPresent(process -> fitted.put(
                            fit.cohort().subject() + "," + fit.cohort().grade() + ","
                                    + fit.cohort().order(),
                            process));
        }
        List<String[]> rows = csv("rq.csv");
        assertThat(rows).hasSize(100 * fitted.size());
        for (String[] row : rows) {
            QuantileProcess process = fitted.get(row[0] + "," + row[1] + "," + row[2]);
            int t = (int) Math.round(Double.parseDouble(row[3]) * 100 - 0.5);
            double rObjective = Double.parseDouble(row[5]);
            assertThat(process.checkLoss()[t])
                    .as("check loss of %s %s order %s at tau %s", row[0], row[1], row[2], row[3])
                    .isCloseTo(rObjective, within(1e-7 * rObjective));
        }
    }

    @Test
    void growthPercentilesAgreeWithR() throws IOException {
        Map<String, StudentGrowthPercentile> ours = new HashMap<>();
        for (StudentGrowthPercentile sgp : result.percentiles()) {
            ours.put(sgp.studentId() + "," + sgp.subject(), sgp);
        }
        List<String[]> rows = csv("sgp.csv");
        assertThat(ours).hasSameSizeAs(rows);
        int equal = 0;
        for (String[] row : rows) {
            StudentGrowthPercentile sgp = ours.get(row[0] + "," + row[1]);
            assertThat(sgp).as("student %s %s", row[0], row[1]).isNotNull();
            assertThat(sgp.order()).isEqualTo(Integer.parseInt(row[5]));
            int difference = Math.abs(sgp.sgp() - Integer.parseInt(row[4]));
            assertThat(difference).as("SGP of %s %s", row[0], row[1]).isLessThanOrEqualTo(1);
            equal += difference == 0 ? 1 : 0;
        }
        assertThat((double) equal / rows.size()).isGreaterThanOrEqualTo(0.99);
    }

    static String generate(String options) throws IOException {
        Map<String, String> values = new HashMap<>();
        String[] tokens = options.trim().split("\\s+");
        for (int i = 0; i + 1 < tokens.length; i += 2) {
            values.put(tokens[i].substring(2), tokens[i + 1]);
        }
        SyntheticScores synthetic = new SyntheticScores(
                Integer.parseInt(values.get("students")),
                Integer.parseInt(values.get("priors")),
                Long.parseLong(values.get("seed")),
                Integer.parseInt(values.getOrDefault("year", "2025")),
                Integer.parseInt(values.getOrDefault("grade", "8")),
                List.of(values.getOrDefault("subjects", "math").split(",")),
                Double.parseDouble(values.getOrDefault("missing-rate", "0")),
                Integer.parseInt(values.getOrDefault("decimals", "1")));
        StringWriter writer = new StringWriter();
        synthetic.write(writer);
        return writer.toString();
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static InputStream resource(String name) {
        InputStream in = GrowthPercentilesAgreeWithR.class.getResourceAsStream("/r-reference/" + name);
        assertThat(in).as("r-reference/" + name).isNotNull();
        return in;
    }

    private static List<String> lines(String name) throws IOException {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** Data rows without the header. */
    private static List<String[]> csv(String name) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : lines(name).subList(1, lines(name).size())) {
            rows.add(line.split(","));
        }
        return rows;
    }
}
