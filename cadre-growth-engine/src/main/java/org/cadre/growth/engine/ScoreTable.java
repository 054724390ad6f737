package org.cadre.growth.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The longitudinal scale scores of a network, one row per student, subject and year, stored in
 * columns so a few million rows fit comfortably in memory.
 */
public final class ScoreTable {

    private final Dictionary students;
    private final Dictionary subjects;
    private final Dictionary grades;
    private final int[] student;
    private final int[] subject;
    private final int[] year;
    private final int[] grade;
    private final double[] score;
    private final int rows;

    private ScoreTable(Builder builder) {
        students = builder.students;
        subjects = builder.subjects;
        grades = builder.grades;
        rows = builder.rows;
        student = Arrays.copyOf(builder.student, rows);
        subject = Arrays.copyOf(builder.subject, rows);
        year = Arrays.copyOf(builder.year, rows);
        grade = Arrays.copyOf(builder.grade, rows);
        score = Arrays.copyOf(builder.score, rows);
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A table of the given scores, in list order. */
    public static ScoreTable of(List<ScaleScore> scores) {
        Builder builder = builder();
        scores.forEach(builder::add);
        return builder.build();
    }

    /** Number of rows; rows are numbered from 0 in the order they were added. */
    public int rows() {
        return rows;
    }

    public String studentId(int row) {
        return students.name(student[row]);
    }

    public String subject(int row) {
        return subjects.name(subject[row]);
    }

    public int year(int row) {
        return year[row];
    }

    public String grade(int row) {
        return grades.name(grade[row]);
    }

    public double scaleScore(int row) {
        return score[row];
    }

    /** The row as a value object. */
    public ScaleScore get(int row) {
        return new ScaleScore(studentId(row), subject(row), year(row), grade(row), scaleScore(row));
    }

    int studentIndex(int row) {
        return student[row];
    }

    int subjectIndex(int row) {
        return subject[row];
    }

    int gradeIndex(int row) {
        return grade[row];
    }

    int studentCount() {
        return students.size();
    }

    Dictionary subjects() {
        return subjects;
    }

    Dictionary grades() {
        return grades;
    }

    /**
     * Rows that repeat the student, subject and year of an earlier row, each paired with that
     * earlier row: {@code {firstRow, repeatRow}}, in row order of the repeats.
     */
    public List<int[]> duplicates() {
        int[][] byStudent = rowsByStudent();
        List<int[]> found = new ArrayList<>();
        for (int[] own : byStudent) {
            for (int a = 1; a < own.length; a++) {
                for (int b = 0; b < a; b++) {
                    int later = own[a];
                    int earlier = own[b];
                    if (subject[later] == subject[earlier] && year[later] == year[earlier]) {
                        found.add(new int[] {earlier, later});
                        break;
                    }
                }
            }
        }
        found.sort((left, right) -> Integer.compare(left[1], right[1]));
        return found;
    }

    /** For each student index, that student's rows in row order. */
    int[][] rowsByStudent() {
        int[] counts = new int[students.size()];
        for (int r = 0; r < rows; r++) {
            counts[student[r]]++;
        }
        int[][] result = new int[counts.length][];
        for (int s = 0; s < counts.length; s++) {
            result[s] = new int[counts[s]];
        }
        int[] filled = new int[counts.length];
        for (int r = 0; r < rows; r++) {
            result[student[r]][filled[student[r]]++] = r;
        }
        return result;
    }

    /** Collects rows; one builder per table, not thread-safe. */
    public static final class Builder {
        private final Dictionary students = new Dictionary();
        private final Dictionary subjects = new Dictionary();
        private final Dictionary grades = new Dictionary();
        private int[] student = new int[1024];
        private int[] subject = new int[1024];
        private int[] year = new int[1024];
        private int[] grade = new int[1024];
        private double[] score = new double[1024];
        private int rows;

        private Builder() {}

        public Builder add(ScaleScore scaleScore) {
            add(
                    scaleScore.studentId(),
                    scaleScore.subject(),
                    scaleScore.year(),
                    scaleScore.grade(),
                    scaleScore.scaleScore());
            return this;
        }

        /** Adds a row and returns its index. */
        public int add(String studentId, String subjectName, int schoolYear, String gradeName, double scaleScore) {
            if (!Double.isFinite(scaleScore)) {
                throw new IllegalArgumentException("scale score must be a finite number");
            }
            if (rows == student.length) {
                int capacity = rows * 2;
                student = Arrays.copyOf(student, capacity);
                subject = Arrays.copyOf(subject, capacity);
                year = Arrays.copyOf(year, capacity);
                grade = Arrays.copyOf(grade, capacity);
                score = Arrays.copyOf(score, capacity);
            }
            student[rows] = students.index(studentId);
            subject[rows] = subjects.index(subjectName);
            year[rows] = schoolYear;
            grade[rows] = grades.index(gradeName);
            score[rows] = scaleScore;
            return rows++;
        }

        public ScoreTable build() {
            return new ScoreTable(this);
        }
    }

    /** Names to small integers, so rows hold ints and each name is stored once. */
    static final class Dictionary {
        private final Map<String, Integer> indices = new HashMap<>();
        private final List<String> names = new ArrayList<>();

        int index(String name) {
            Integer known = indices.get(name);
            if (known != null) {
                return known;
            }
            int index = names.size();
            indices.put(name, index);
            names.add(name);
            return index;
        }

        String name(int index) {
            return names.get(index);
        }

        int size() {
            return names.size();
        }
    }
}
