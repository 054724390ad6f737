package org.cadre.growth.engine;

/**
 * A student's growth percentile in one subject and year.
 *
 * @param studentId the student
 * @param subject the subject
 * @param year the school year of the current score
 * @param grade the student's grade that year
 * @param sgp the growth percentile, 1 to 99
 * @param order how many consecutive prior years the percentile conditions on
 */
public record StudentGrowthPercentile(String studentId, String subject, int year, String grade, int sgp, int order) {}
