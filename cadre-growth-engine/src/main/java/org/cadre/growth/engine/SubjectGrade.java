package org.cadre.growth.engine;

/** A subject in a grade: the unit that knots and boundaries are set for. */
public record SubjectGrade(String subject, String grade) {}
