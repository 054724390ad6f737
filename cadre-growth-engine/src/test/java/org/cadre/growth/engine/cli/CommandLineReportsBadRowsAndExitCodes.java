package org.cadre.growth.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineReportsBadRowsAndExitCodes {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new GrowthCommand(
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Synthetic scores with a few broken lines spliced in; returns the file. */
    private Path scoresWithBadRows() throws IOException {
        Path clean = folder.resolve("clean.csv");
        assertThat(run("generate", "--students", "300", "--priors", "1", "--seed", "1", "--out", clean.toString()))
                .isZero();
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(clean));
        lines.add(3, "X1,math,2025,8,");
        lines.add(5, "X2,math,2025,8,abc");
        lines.add(7, "X3,math,2025");
        lines.add(9, lines.get(1));
        Path scores = folder.resolve("scores.csv");
        Files.write(scores, lines);
        return scores;
    }

    @Test
    void badRowsAreListedWithLineNumbersAndNothingIsWritten() throws IOException {
        Path scores = scoresWithBadRows();
        Path out = folder.resolve("sgp.csv");
        int code = run("sgp", "--scores", scores.toString(), "--year", "2025", "--out", out.toString());
        assertThat(code).isEqualTo(1);
        assertThat(errors())
                .contains("line 4: missing scale_score")
                .contains("line 6: scale_score 'abc' is not a number")
                .contains("line 8: missing grade")
                .containsPattern("line 10: duplicate score for student S001, math, \\d+ \\(also on line 2\\)")
                .contains("4 bad rows; nothing written");
        assertThat(out).doesNotExist();
    }

    @Test
    void skippingBadRowsStillWritesEveryoneElse() throws IOException {
        Path scores = scoresWithBadRows();
        Path out = folder.resolve("sgp.csv");
        int code =
                run("sgp", "--scores", scores.toString(), "--year", "2025", "--out", out.toString(), "--skip-bad-rows");
        assertThat(code).isZero();
        List<String> written = Files.readAllLines(out);
        assertThat(written.get(0)).isEqualTo("student_id,subject,year,grade,sgp,order");
        // 300 students, minus S001 whose duplicated 2024 score leaves no usable prior.
        assertThat(written).hasSize(1 + 299);
        assertThat(errors())
                .contains("skipping 4 bad rows")
                .contains("cohort 1 of 1: math grade 8 order 1, 299 students");
    }

    @Test
    void columnsMayComeInAnyOrderWithExtraColumns() throws IOException {
        Path clean = folder.resolve("clean.csv");
        run("generate", "--students", "200", "--priors", "1", "--seed", "2", "--out", clean.toString());
        List<String> reordered = Files.readAllLines(clean).stream()
                .map(line -> {
                    String[] f = line.split(",");
                    return String.join(",", f[4], "note", f[3], f[0], f[2], f[1]);
                })
                .toList();
        Path scores = folder.resolve("reordered.csv");
        Files.write(scores, reordered);
        Path out = folder.resolve("sgp.csv");
        assertThat(run("sgp", "--scores", scores.toString(), "--year", "2025", "--out", out.toString()))
                .isZero();
        assertThat(Files.readAllLines(out)).hasSize(201);
    }

    @Test
    void aMissingHeaderColumnIsADataError() throws IOException {
        Path scores = folder.resolve("scores.csv");
        Files.writeString(scores, "student_id,subject,year,score\nS1,math,2025,400\n");
        assertThat(run("sgp", "--scores", scores.toString(), "--year", "2025", "--out", "x.csv"))
                .isEqualTo(1);
        assertThat(errors()).contains("the header has no grade, scale_score columns");
    }

    @Test
    void usageMistakesExitWithTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run("sgp", "--year", "2025", "--out", "x.csv")).isEqualTo(2);
        assertThat(errors()).contains("--scores is required");
        assertThat(run("sgp", "--scores", "s.csv", "--year", "soon", "--out", "x.csv"))
                .isEqualTo(2);
        assertThat(run("sgp", "--scores", "s.csv", "--year", "2025", "--out", "x.csv", "--colour", "blue"))
                .isEqualTo(2);
        assertThat(errors()).contains("unknown option --colour");
    }

    @Test
    void anUnreadableScoresFileIsADataError() {
        assertThat(run("sgp", "--scores", folder.resolve("absent.csv").toString(), "--year", "2025", "--out", "x.csv"))
                .isEqualTo(1);
    }

    @Test
    void quotedFieldsAreRead() throws Exception {
        Path scores = folder.resolve("quoted.csv");
        Files.writeString(scores, "\"student_id\",subject,year,grade,scale_score\n\"S,1\",\"math\",2025,8,\"401.5\"\n");
        ScoresFile.Contents contents = ScoresFile.read(scores);
        assertThat(contents.badRows()).isEmpty();
        assertThat(contents.table().studentId(0)).isEqualTo("S,1");
        assertThat(contents.table().scaleScore(0)).isEqualTo(401.5);
    }
}
