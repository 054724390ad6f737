package org.cadre.organization;

import java.math.BigDecimal;

/**
 * A class (section) as a teacher's profile lists it.
 *
 * @param instructionalWeight the teacher's share of the class, 0.1 to 1.0
 * @param students students currently enrolled
 */
public record ClassSummary(
        long id,
        String title,
        String courseCode,
        String subject,
        String campusName,
        long campusId,
        String termName,
        BigDecimal instructionalWeight,
        boolean primaryTeacher,
        long students) {}
