package org.cadre.organization;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A class with its teachers of record and enrolled students. */
public record ClassRoster(
        long id,
        String sourceId,
        String title,
        String courseCode,
        String courseTitle,
        String subject,
        long campusId,
        String campusName,
        String termName,
        List<Teacher> teachers,
        List<Student> students) {

    /** A teacher of record of the class, with their instructional weight. */
    public record Teacher(long staffId, String name, BigDecimal instructionalWeight, boolean primaryTeacher) {}

    /** A student enrolled in the class, with the enrollment's dates. */
    public record Student(long id, String name, String gradeLevel, LocalDate beginsOn, LocalDate endsOn) {}
}
