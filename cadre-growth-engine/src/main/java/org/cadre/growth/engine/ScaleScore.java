package org.cadre.growth.engine;

/**
 * One student's scale score in one subject and school year.
 *
 * @param studentId the network's student identifier
 * @param subject the tested subject, for example "math"
 * @param year the school year, identified by its spring calendar year
 * @param grade the grade the student was in that year, as the network labels it
 * @param scaleScore the score on the test's scale
 */
public record ScaleScore(String studentId, String subject, int year, String grade, double scaleScore) {}
