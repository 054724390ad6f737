package org.cadre.growth.engine.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cadre.growth.engine.ScoreTable;

/**
 * Reads a scores CSV ({@code student_id,subject,year,grade,scale_score} in any order, other
 * columns ignored) and lists every row it cannot use with its line number and the reason.
 */
final class ScoresFile {

    static final List<String> REQUIRED = List.of("student_id", "subject", "year", "grade", "scale_score");

    /** A row that cannot be used. */
    record BadRow(int line, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    /**
     * What was read. Rows of a student, subject and year that occur more than once are left out
     * entirely (every occurrence is a bad row) because nothing says which score is right.
     */
    record Contents(ScoreTable table, List<BadRow> badRows) {}

    /** The header lacks a required column; nothing can be read. */
    static final class MissingColumns extends Exception {
        MissingColumns(List<String> missing) {
            super("the header has no " + String.join(", ", missing) + " column" + (missing.size() > 1 ? "s" : "")
                    + " (needs " + String.join(",", REQUIRED) + ")");
        }
    }

    private ScoresFile() {}

    static Contents read(Path path) throws IOException, MissingColumns {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }

    static Contents read(Reader reader) throws IOException, MissingColumns {
        CsvRecords records = new CsvRecords(reader);
        List<String> header = records.next();
        if (header == null) {
            throw new MissingColumns(REQUIRED);
        }
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        Map<String, Integer> positions = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            positions.putIfAbsent(header.get(c).trim().toLowerCase(Locale.ROOT), c);
        }
        List<String> missing =
                REQUIRED.stream().filter(name -> !positions.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new MissingColumns(missing);
        }
        int[] columns = REQUIRED.stream().mapToInt(positions::get).toArray();

        ScoreTable.Builder builder = ScoreTable.builder();
        int[] lines = new int[1024];
        List<BadRow> bad = new ArrayList<>();
        List<String> fields;
        while ((fields = records.next()) != null) {
            int line = records.recordLine();
            String problem = null;
            String[] values = new String[REQUIRED.size()];
            for (int k = 0; k < columns.length && problem == null; k++) {
                values[k] = columns[k] < fields.size() ? fields.get(columns[k]) : null;
                if (values[k] == null || values[k].isEmpty()) {
                    problem = "missing " + REQUIRED.get(k);
                }
            }
            Integer year = null;
            Double score = null;
            if (problem == null) {
                year = wholeNumber(values[2]);
                if (year == null) {
                    problem = "year '" + values[2] + "' is not a whole number";
                }
            }
            if (problem == null) {
                score = number(values[4]);
                if (score == null) {
                    problem = "scale_score '" + values[4] + "' is not a number";
                }
            }
            if (problem != null) {
                bad.add(new BadRow(line, problem));
            } else {
                int row = builder.add(values[0], values[1], year, values[3], score);
                if (row == lines.length) {
                    lines = Arrays.copyOf(lines, 2 * row);
                }
                lines[row] = line;
            }
        }
        return new Contents(withoutDuplicates(builder.build(), lines, bad), bad);
    }

    private static ScoreTable withoutDuplicates(ScoreTable table, int[] lines, List<BadRow> bad) {
        List<int[]> duplicates = table.duplicates();
        if (duplicates.isEmpty()) {
            return table;
        }
        boolean[] drop = new boolean[table.rows()];
        for (int[] pair : duplicates) {
            drop[pair[0]] = true;
            drop[pair[1]] = true;
            int repeat = pair[1];
            bad.add(new BadRow(
                    lines[repeat],
                    "duplicate score for student " + table.studentId(repeat) + ", " + table.subject(repeat) + ", "
                            + table.year(repeat) + " (also on line " + lines[pair[0]] + ")"));
        }
        bad.sort((left, right) -> Integer.compare(left.line(), right.line()));
        ScoreTable.Builder kept = ScoreTable.builder();
        for (int row = 0; row < table.rows(); row++) {
            if (!drop[row]) {
                kept.add(table.get(row));
            }
        }
        return kept.build();
    }

    private static Integer wholeNumber(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double number(String text) {
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
