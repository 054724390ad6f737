package org.cadre.growth.engine;

import java.util.List;

/**
 * Students fitted together: same subject, same current grade and year, and the same grades in the
 * {@code order} consecutive prior years.
 *
 * @param subject the subject
 * @param grade the current grade
 * @param year the current year
 * @param priorGrades the grades in the prior years, most recent first; its size is the order
 * @param students how many students have these priors
 */
public record Cohort(String subject, String grade, int year, List<String> priorGrades, int students) {

    public Cohort {
        priorGrades = List.copyOf(priorGrades);
    }

    /** Number of prior years conditioned on. */
    public int order() {
        return priorGrades.size();
    }

    @Override
    public String toString() {
        return subject + " grade " + grade + " order " + order()
                + (isUsualProgression() ? "" : " (prior grades " + String.join(", ", priorGrades) + ")");
    }

    private boolean isUsualProgression() {
        try {
            int current = Integer.parseInt(grade);
            for (int k = 0; k < priorGrades.size(); k++) {
                if (Integer.parseInt(priorGrades.get(k)) != current - k - 1) {
                    return false;
                }
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
