package org.cadre.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.cadre.shared.AccessRole;

/**
 * The rows of a generated network, in the shape of the organisation's tables. Ordinals number each kind of row
 * from 1 in generation order; a loader turns them into ids, a OneRoster writer uses the source ids.
 */
final class NetworkRecords {

    enum Level {
        ELEMENTARY(0, 5),
        MIDDLE(6, 8),
        HIGH(9, 12);

        final int lowestGrade;
        final int highestGrade;

        Level(int lowestGrade, int highestGrade) {
            this.lowestGrade = lowestGrade;
            this.highestGrade = highestGrade;
        }

        int grades() {
            return highestGrade - lowestGrade + 1;
        }
    }

    /** A grade as OneRoster and Cadre write it: {@code KG}, {@code 01} … {@code 12}. */
    static String gradeCode(int grade) {
        return grade == 0 ? "KG" : String.format("%02d", grade);
    }

    record Network(String sourceId, String name, String domain) {}

    record Region(int ordinal, String sourceId, String name) {}

    record Campus(int ordinal, String sourceId, String name, String campusNumber, Level level, Region region) {}

    record SchoolYear(
            int ordinal, String sourceId, String name, LocalDate beginsOn, LocalDate endsOn, boolean current) {

        /** The calendar year the school year ends in, which OneRoster calls its school year. */
        int endYear() {
            return endsOn.getYear();
        }
    }

    record Term(int ordinal, String sourceId, SchoolYear year, String name, LocalDate beginsOn, LocalDate endsOn) {}

    record Course(
            int ordinal,
            String sourceId,
            SchoolYear year,
            String code,
            String title,
            String subject,
            String gradeLevel,
            boolean tested) {}

    /**
     * @param primaryOrgSourceId the campus the person works on, or the network for network-wide staff
     */
    record Staff(
            long ordinal,
            String sourceId,
            String employeeId,
            String givenName,
            String familyName,
            String email,
            String payBand,
            LocalDate hireDate,
            boolean active,
            String primaryOrgSourceId) {}

    /**
     * @param campus null for a network-wide role
     * @param primary whether this is the person's main role (exactly one per person)
     */
    record RoleAssignment(Staff staff, SchoolYear year, Campus campus, AccessRole role, boolean primary) {}

    /**
     * @param gradeLevel the current grade, or the last grade at the campus for a student who has left
     * @param firstDay the first day the student attended the campus within the generated years
     * @param lastDay the last day the student attended the campus within the generated years
     */
    record Student(
            long ordinal,
            String sourceId,
            String studentNumber,
            String givenName,
            String familyName,
            String gradeLevel,
            Campus campus,
            boolean active,
            LocalDate firstDay,
            LocalDate lastDay) {}

    record ClassSection(
            long ordinal, String sourceId, Course course, Campus campus, Term term, String title, String period) {}

    record TeacherOfRecord(
            ClassSection classSection,
            Staff staff,
            BigDecimal instructionalWeight,
            boolean primary,
            LocalDate beginsOn,
            LocalDate endsOn) {}

    record Enrollment(ClassSection classSection, Student student, LocalDate beginsOn, LocalDate endsOn) {}

    private NetworkRecords() {}
}
