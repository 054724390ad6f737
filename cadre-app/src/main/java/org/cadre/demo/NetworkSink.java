package org.cadre.demo;

import org.cadre.demo.NetworkRecords.Campus;
import org.cadre.demo.NetworkRecords.ClassSection;
import org.cadre.demo.NetworkRecords.Course;
import org.cadre.demo.NetworkRecords.Enrollment;
import org.cadre.demo.NetworkRecords.Network;
import org.cadre.demo.NetworkRecords.Region;
import org.cadre.demo.NetworkRecords.RoleAssignment;
import org.cadre.demo.NetworkRecords.SchoolYear;
import org.cadre.demo.NetworkRecords.Staff;
import org.cadre.demo.NetworkRecords.Student;
import org.cadre.demo.NetworkRecords.TeacherOfRecord;
import org.cadre.demo.NetworkRecords.Term;

/**
 * Receives a generated network row by row. Every row arrives after the rows it refers to, so a sink can
 * write straight to a database or to files without holding the network in memory. A sink overrides the rows
 * it cares about.
 */
interface NetworkSink {

    default void network(Network network) {}

    default void region(Region region) {}

    default void campus(Campus campus) {}

    default void schoolYear(SchoolYear year) {}

    default void term(Term term) {}

    default void course(Course course) {}

    default void staff(Staff staff) {}

    default void roleAssignment(RoleAssignment assignment) {}

    default void student(Student student) {}

    default void classSection(ClassSection section) {}

    default void teacherOfRecord(TeacherOfRecord teacher) {}

    default void enrollment(Enrollment enrollment) {}

    /** A sink that hands every row to both sinks, this one first. */
    default NetworkSink andThen(NetworkSink next) {
        var first = this;
        return new NetworkSink() {
            @Override
            public void network(Network network) {
                first.network(network);
                next.network(network);
            }

            @Override
            public void region(Region region) {
                first.region(region);
                next.region(region);
            }

            @Override
            public void campus(Campus campus) {
                first.campus(campus);
                next.campus(campus);
            }

            @Override
            public void schoolYear(SchoolYear year) {
                first.schoolYear(year);
                next.schoolYear(year);
            }

            @Override
            public void term(Term term) {
                first.term(term);
                next.term(term);
            }

            @Override
            public void course(Course course) {
                first.course(course);
                next.course(course);
            }

            @Override
            public void staff(Staff staff) {
                first.staff(staff);
                next.staff(staff);
            }

            @Override
            public void roleAssignment(RoleAssignment assignment) {
                first.roleAssignment(assignment);
                next.roleAssignment(assignment);
            }

            @Override
            public void student(Student student) {
                first.student(student);
                next.student(student);
            }

            @Override
            public void classSection(ClassSection section) {
                first.classSection(section);
                next.classSection(section);
            }

            @Override
            public void teacherOfRecord(TeacherOfRecord teacher) {
                first.teacherOfRecord(teacher);
                next.teacherOfRecord(teacher);
            }

            @Override
            public void enrollment(Enrollment enrollment) {
                first.enrollment(enrollment);
                next.enrollment(enrollment);
            }
        };
    }
}
