package org.cadre.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cadre.demo.NetworkRecords.Campus;
import org.cadre.demo.NetworkRecords.ClassSection;
import org.cadre.demo.NetworkRecords.Course;
import org.cadre.demo.NetworkRecords.Enrollment;
import org.cadre.demo.NetworkRecords.Region;
import org.cadre.demo.NetworkRecords.RoleAssignment;
import org.cadre.demo.NetworkRecords.SchoolYear;
import org.cadre.demo.NetworkRecords.Staff;
import org.cadre.demo.NetworkRecords.Student;
import org.cadre.demo.NetworkRecords.TeacherOfRecord;
import org.cadre.demo.NetworkRecords.Term;

/** Counts what a generated network is made of. */
final class NetworkTally implements NetworkSink {

    long regions;
    long campuses;
    long schoolYears;
    long terms;
    long courses;
    long staff;
    long activeStaff;
    long roleAssignments;
    long students;
    long activeStudents;
    long classSections;
    long teachersOfRecord;
    long coTeachers;
    long enrollments;

    @Override
    public void region(Region region) {
        regions++;
    }

    @Override
    public void campus(Campus campus) {
        campuses++;
    }

    @Override
    public void schoolYear(SchoolYear year) {
        schoolYears++;
    }

    @Override
    public void term(Term term) {
        terms++;
    }

    @Override
    public void course(Course course) {
        courses++;
    }

    @Override
    public void staff(Staff member) {
        staff++;
        if (member.active()) {
            activeStaff++;
        }
    }

    @Override
    public void roleAssignment(RoleAssignment assignment) {
        roleAssignments++;
    }

    @Override
    public void student(Student student) {
        students++;
        if (student.active()) {
            activeStudents++;
        }
    }

    @Override
    public void classSection(ClassSection section) {
        classSections++;
    }

    @Override
    public void teacherOfRecord(TeacherOfRecord teacher) {
        teachersOfRecord++;
        if (!teacher.primary()) {
            coTeachers++;
        }
    }

    @Override
    public void enrollment(Enrollment enrollment) {
        enrollments++;
    }

    /** The counts by name, as the audit trail records them. */
    Map<String, Long> asMap() {
        var counts = new LinkedHashMap<String, Long>();
        counts.put("regions", regions);
        counts.put("campuses", campuses);
        counts.put("schoolYears", schoolYears);
        counts.put("terms", terms);
        counts.put("courses", courses);
        counts.put("staff", staff);
        counts.put("activeStaff", activeStaff);
        counts.put("roleAssignments", roleAssignments);
        counts.put("students", students);
        counts.put("activeStudents", activeStudents);
        counts.put("classSections", classSections);
        counts.put("teachersOfRecord", teachersOfRecord);
        counts.put("coTeachers", coTeachers);
        counts.put("enrollments", enrollments);
        return counts;
    }

    @Override
    public String toString() {
        return String.format(
                "%,d campuses, %,d school years, %,d staff (%,d active), %,d students (%,d active), %,d classes, %,d enrollments",
                campuses, schoolYears, staff, activeStaff, students, activeStudents, classSections, enrollments);
    }
}
