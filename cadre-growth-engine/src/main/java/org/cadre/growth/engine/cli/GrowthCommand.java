package org.cadre.growth.engine.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cadre.growth.engine.Cohort;
import org.cadre.growth.engine.CohortFit;
import org.cadre.growth.engine.CohortProgress;
import org.cadre.growth.engine.GrowthPercentiles;
import org.cadre.growth.engine.GrowthResult;
import org.cadre.growth.engine.GrowthSettings;
import org.cadre.growth.engine.KnotsAndBoundaries;
import org.cadre.growth.engine.StudentGrowthPercentile;
import org.cadre.growth.engine.SubjectGrade;

/**
 * The growth engine's command line: {@code sgp} computes growth percentiles from a scores CSV and
 * {@code generate} writes synthetic scores for tests and benchmarks.
 *
 * <p>Exit codes: 0 success, 1 a data problem (bad rows, unreadable files), 2 a usage mistake.
 */
public final class GrowthCommand {

    static final int OK = 0;
    static final int DATA_ERROR = 1;
    static final int USAGE = 2;

    private static final int BAD_ROWS_SHOWN = 50;

    private static final String HELP = """
            usage: java -jar cadre-growth-engine.jar <command> [options]

            commands:
              sgp       --scores FILE --year YEAR --out FILE [--max-order K] [--knots FILE]
                        [--skip-bad-rows] [--threads N]
                        student growth percentiles of YEAR; K defaults to 3
              generate  --students N --priors K --seed S --out FILE [--year Y] [--grade G]
                        [--subjects a,b] [--missing-rate R] [--decimals D]
                        synthetic longitudinal scores (defaults: 2025, grade 8, math, 0, 1)

            scores CSV: header with student_id,subject,year,grade,scale_score in any order
            knots CSV:  subject,grade,knot1,knot2,knot3,knot4,lower_boundary,upper_boundary
            exit codes: 0 ok, 1 data error, 2 usage
            """;

    private final PrintStream out;
    private final PrintStream err;

    GrowthCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new GrowthCommand(System.out, System.err).run(args));
    }

    /** Runs one command and returns its exit code. */
    int run(String... args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            (args.length == 0 ? err : out).print(HELP);
            return args.length == 0 ? USAGE : OK;
        }
        try {
            Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
            return switch (args[0]) {
                case "sgp" -> sgp(options);
                case "generate" -> generate(options);
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(HELP);
            return USAGE;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return DATA_ERROR;
        }
    }

    private int sgp(Options options) throws UsageException, IOException {
        options.allow("scores", "year", "out", "max-order", "knots", "skip-bad-rows", "threads");
        Path scores = Path.of(options.required("scores"));
        int year = options.integer("year", null);
        Path output = Path.of(options.required("out"));
        int maxOrder = options.integer("max-order", 3);
        int threads = options.integer("threads", Runtime.getRuntime().availableProcessors());
        boolean skipBadRows = options.flag("skip-bad-rows");
        if (maxOrder < 1 || threads < 1) {
            throw new UsageException("--max-order and --threads must be at least 1");
        }
        Map<SubjectGrade, KnotsAndBoundaries> fixedKnots = new HashMap<>();
        if (options.has("knots")) {
            fixedKnots = readKnots(Path.of(options.required("knots")));
            if (fixedKnots == null) {
                return DATA_ERROR;
            }
        }

        long started = System.nanoTime();
        double startedCpu = cpuSeconds();
        ScoresFile.Contents contents;
        try {
            contents = ScoresFile.read(scores);
        } catch (ScoresFile.MissingColumns e) {
            err.println("error: " + scores + ": " + e.getMessage());
            return DATA_ERROR;
        }
        List<ScoresFile.BadRow> bad = contents.badRows();
        if (!bad.isEmpty()) {
            bad.stream().limit(BAD_ROWS_SHOWN).forEach(row -> err.println(scores + ": " + row));
            if (bad.size() > BAD_ROWS_SHOWN) {
                err.println("... and " + (bad.size() - BAD_ROWS_SHOWN) + " more bad rows");
            }
            if (!skipBadRows) {
                err.println("error: " + bad.size() + " bad row" + (bad.size() == 1 ? "" : "s")
                        + "; nothing written (use --skip-bad-rows to leave them out)");
                return DATA_ERROR;
            }
            err.println("skipping " + bad.size() + " bad row" + (bad.size() == 1 ? "" : "s"));
        }
        long read = System.nanoTime();
        double readCpu = cpuSeconds();
        err.printf(
                Locale.ROOT,
                "read %d scores in %.2f s (CPU %.2f s)%n",
                contents.table().rows(),
                (read - started) / 1e9,
                readCpu - startedCpu);

        Progress progress = new Progress(err);
        GrowthSettings settings = new GrowthSettings(year, maxOrder, threads, fixedKnots, progress);
        GrowthResult result = GrowthPercentiles.calculate(contents.table(), settings);
        long calculated = System.nanoTime();
        double calculatedCpu = cpuSeconds();
        writePercentiles(output, result.percentiles());
        long written = System.nanoTime();
        double writtenCpu = cpuSeconds();
        err.printf(
                Locale.ROOT,
                "wrote %d growth percentiles to %s in %.2f s (CPU %.2f s)%n",
                result.percentiles().size(),
                output,
                (written - calculated) / 1e9,
                writtenCpu - calculatedCpu);
        // One line for benchmarks: wall and process CPU seconds (all threads, JIT and GC
        // included) of each phase, from after JVM start-up to the last byte written.
        err.printf(
                Locale.ROOT,
                "timings: read %.2f s wall %.2f s CPU; calculate %.2f s wall %.2f s CPU"
                        + " (cohorts %.2f s wall %.2f s CPU; knots, cohort building and output list the rest);"
                        + " write %.2f s wall %.2f s CPU; total %.2f s wall %.2f s CPU%n",
                (read - started) / 1e9,
                readCpu - startedCpu,
                (calculated - read) / 1e9,
                calculatedCpu - readCpu,
                progress.wall,
                progress.cpu,
                (written - calculated) / 1e9,
                writtenCpu - calculatedCpu,
                (written - started) / 1e9,
                writtenCpu - startedCpu);
        return OK;
    }

    private Map<SubjectGrade, KnotsAndBoundaries> readKnots(Path path) throws IOException {
        Map<SubjectGrade, KnotsAndBoundaries> knots = new HashMap<>();
        boolean ok = true;
        try (var reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            CsvRecords records = new CsvRecords(reader);
            List<String> header = records.next();
            if (header == null) {
                err.println("error: " + path + " is empty");
                return null;
            }
            List<String> fields;
            while ((fields = records.next()) != null) {
                try {
                    if (fields.size() < 8) {
                        throw new IllegalArgumentException("expected 8 fields, got " + fields.size());
                    }
                    double[] values = new double[6];
                    for (int k = 0; k < 6; k++) {
                        values[k] = Double.parseDouble(fields.get(2 + k));
                    }
                    knots.put(
                            new SubjectGrade(fields.get(0), fields.get(1)),
                            new KnotsAndBoundaries(Arrays.copyOf(values, 4), values[4], values[5]));
                } catch (IllegalArgumentException e) {
                    err.println(path + ": line " + records.recordLine() + ": " + e.getMessage());
                    ok = false;
                }
            }
        }
        return ok ? knots : null;
    }

    private static void writePercentiles(Path output, List<StudentGrowthPercentile> percentiles) throws IOException {
        try (Writer writer = new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8), 1 << 16)) {
            writer.write("student_id,subject,year,grade,sgp,order\n");
            StringBuilder line = new StringBuilder();
            for (StudentGrowthPercentile sgp : percentiles) {
                line.setLength(0);
                line.append(CsvRecords.quote(sgp.studentId()))
                        .append(',')
                        .append(CsvRecords.quote(sgp.subject()))
                        .append(',')
                        .append(sgp.year())
                        .append(',')
                        .append(CsvRecords.quote(sgp.grade()))
                        .append(',')
                        .append(sgp.sgp())
                        .append(',')
                        .append(sgp.order())
                        .append('\n');
                writer.append(line);
            }
        }
    }

    private int generate(Options options) throws UsageException, IOException {
        options.allow("students", "priors", "seed", "out", "year", "grade", "subjects", "missing-rate", "decimals");
        SyntheticScores synthetic;
        try {
            synthetic = new SyntheticScores(
                    options.integer("students", null),
                    options.integer("priors", null),
                    options.longInteger("seed"),
                    options.integer("year", 2025),
                    options.integer("grade", 8),
                    List.of(options.value("subjects", "math").split(",")),
                    options.decimal("missing-rate", 0.0),
                    options.integer("decimals", 1));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path output = Path.of(options.required("out"));
        try (Writer writer = new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8), 1 << 16)) {
            synthetic.write(writer);
        }
        err.println(
                "wrote " + synthetic.students() + " students with " + synthetic.priors() + " prior years to " + output);
        return OK;
    }

    /** CPU time of the whole process (all threads, the JIT and GC included), for benchmarks. */
    private static double cpuSeconds() {
        return ProcessHandle.current()
                        .info()
                        .totalCpuDuration()
                        .orElse(Duration.ZERO)
                        .toNanos()
                / 1e9;
    }

    /**
     * Progress lines on stderr: one as each cohort starts, one when it is done with its wall and
     * process CPU time (design, quantile regressions and percentiles of that cohort).
     */
    private static final class Progress implements CohortProgress {
        private final PrintStream err;
        private double cohortCpu;
        /** Totals over every cohort, in seconds. */
        double wall;

        double cpu;

        Progress(PrintStream err) {
            this.err = err;
        }

        @Override
        public void starting(int index, int count, Cohort cohort) {
            err.println("cohort " + index + " of " + count + ": " + cohort + ", " + cohort.students() + " students");
            cohortCpu = cpuSeconds();
        }

        @Override
        public void finished(int index, int count, CohortFit fit, Duration took) {
            double usedCpu = cpuSeconds() - cohortCpu;
            double usedWall = took.toNanos() / 1e9;
            wall += usedWall;
            cpu += usedCpu;
            String outcome = fit.skippedBecause()
                    .map(reason -> "skipped: " + reason)
                    .orElseGet(() -> "fitted, " + fit.process().orElseThrow().exactVertices()
                            + " of 100 quantiles at exact vertices");
            err.printf(Locale.ROOT, "  %s (%.2f s wall, %.2f s CPU)%n", outcome, usedWall, usedCpu);
        }
    }

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** {@code --name value} pairs and {@code --flag} switches. */
    private static final class Options {
        private final Map<String, String> values = new HashMap<>();

        static Options parse(String[] args) throws UsageException {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("--") || arg.length() == 2) {
                    throw new UsageException("unexpected argument '" + arg + "'");
                }
                String name = arg.substring(2);
                String value = null;
                int equals = name.indexOf('=');
                if (equals >= 0) {
                    value = name.substring(equals + 1);
                    name = name.substring(0, equals);
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    value = args[++i];
                }
                if (options.values.put(name, value == null ? "" : value) != null) {
                    throw new UsageException("--" + name + " given twice");
                }
            }
            return options;
        }

        void allow(String... names) throws UsageException {
            List<String> allowed = List.of(names);
            for (String name : values.keySet()) {
                if (!allowed.contains(name)) {
                    throw new UsageException("unknown option --" + name);
                }
            }
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        boolean flag(String name) throws UsageException {
            String value = values.get(name);
            if (value != null && !value.isEmpty()) {
                throw new UsageException("--" + name + " takes no value");
            }
            return value != null;
        }

        String required(String name) throws UsageException {
            String value = values.get(name);
            if (value == null || value.isEmpty()) {
                throw new UsageException("--" + name + " is required");
            }
            return value;
        }

        String value(String name, String fallback) {
            String value = values.get(name);
            return value == null || value.isEmpty() ? fallback : value;
        }

        int integer(String name, Integer fallback) throws UsageException {
            String value = values.get(name);
            if (value == null && fallback != null) {
                return fallback;
            }
            try {
                return Integer.parseInt(required(name));
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " must be a whole number, not '" + value + "'");
            }
        }

        long longInteger(String name) throws UsageException {
            try {
                return Long.parseLong(required(name));
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " must be a whole number");
            }
        }

        double decimal(String name, double fallback) throws UsageException {
            String value = values.get(name);
            if (value == null) {
                return fallback;
            }
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " must be a number, not '" + value + "'");
            }
        }
    }
}
