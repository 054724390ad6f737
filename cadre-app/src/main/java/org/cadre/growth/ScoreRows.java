package org.cadre.growth;

import java.util.Arrays;
import org.cadre.growth.engine.ScoreTable;

/**
 * The scores a run reads, in columns sorted by student and subject, so that a percentile's prior scores and a
 * teacher's students are found by binary search without a map entry per student.
 */
final class ScoreRows {

    private long[] key = new long[1 << 16];
    private int[] year = new int[1 << 16];
    private String[] grade = new String[1 << 16];
    private double[] score = new double[1 << 16];
    private int rows;
    private final java.util.Map<String, String> labels = new java.util.HashMap<>();

    /**
     * Adds a row; rows must come in order of student, subject index and year (the subjects' index order is their
     * text order, so {@code order by student_id, subject, school_year} gives it).
     */
    void add(long studentId, int subject, int schoolYear, String gradeLabel, double scaleScore) {
        if (rows == key.length) {
            int capacity = rows * 2;
            key = Arrays.copyOf(key, capacity);
            year = Arrays.copyOf(year, capacity);
            grade = Arrays.copyOf(grade, capacity);
            score = Arrays.copyOf(score, capacity);
        }
        long k = key(studentId, subject);
        if (rows > 0 && (k < key[rows - 1] || (k == key[rows - 1] && schoolYear <= year[rows - 1]))) {
            throw new IllegalStateException("scores must come sorted by student, subject and year");
        }
        key[rows] = k;
        year[rows] = schoolYear;
        grade[rows] = labels.computeIfAbsent(gradeLabel, label -> label);
        score[rows] = scaleScore;
        rows++;
    }

    static long key(long studentId, int subject) {
        return studentId * TestedSubjects.ALL.size() + subject;
    }

    int rows() {
        return rows;
    }

    ScoreTable table() {
        var builder = ScoreTable.builder();
        for (int r = 0; r < rows; r++) {
            builder.add(
                    Long.toString(key[r] / TestedSubjects.ALL.size()),
                    TestedSubjects.ALL.get((int) (key[r] % TestedSubjects.ALL.size())),
                    year[r],
                    grade[r],
                    score[r]);
        }
        return builder.build();
    }

    /** The row of a student's subject score in a year, or -1. */
    int find(long studentId, int subject, int schoolYear) {
        long k = key(studentId, subject);
        int at = Arrays.binarySearch(key, 0, rows, k);
        if (at < 0) {
            return -1;
        }
        while (at > 0 && key[at - 1] == k) {
            at--;
        }
        for (int r = at; r < rows && key[r] == k; r++) {
            if (year[r] == schoolYear) {
                return r;
            }
        }
        return -1;
    }

    double score(int row) {
        return score[row];
    }

    String grade(int row) {
        return grade[row];
    }
}
