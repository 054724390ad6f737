package org.cadre.growth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.cadre.growth.engine.cli.SyntheticScores;
import org.junit.jupiter.api.Test;

class SameResultsWithOneOrTwoThreads {

    @Test
    void coefficientsAndPercentilesAreIdentical() throws IOException {
        // 8 000 students: large enough that the fits go through preprocessing and both chains.
        ScoreTable table = read(new SyntheticScores(8_000, 2, 42, 2025, 8, List.of("math"), 0.05, 1));
        GrowthResult one = GrowthPercentiles.calculate(
                table, GrowthSettings.forYear(2025, 2).withThreads(1));
        GrowthResult two = GrowthPercentiles.calculate(
                table, GrowthSettings.forYear(2025, 2).withThreads(2));
        assertThat(two.percentiles()).isEqualTo(one.percentiles());
        assertThat(one.cohorts()).hasSize(2);
        for (int c = 0; c < one.cohorts().size(); c++) {
            assertThat(two.cohorts().get(c).process().orElseThrow().coefficients())
                    .isDeepEqualTo(one.cohorts().get(c).process().orElseThrow().coefficients());
        }
    }

    private static ScoreTable read(SyntheticScores synthetic) throws IOException {
        StringWriter writer = new StringWriter();
        synthetic.write(writer);
        ScoreTable.Builder builder = ScoreTable.builder();
        for (String line : writer.toString().lines().skip(1).toList()) {
            String[] f = line.split(",");
            builder.add(f[0], f[1], Integer.parseInt(f[2]), f[3], Double.parseDouble(f[4]));
        }
        return builder.build();
    }
}
