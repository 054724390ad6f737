package org.cadre.organization;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which teachers of record taught which students a subject in a school year: the attribution that growth
 * measures are built on.
 */
@Repository
public class TeachersOfRecord {

    private final JdbcClient jdbc;

    TeachersOfRecord(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A teacher of record of a class of a course in {@code subject} that the student was enrolled in.
     *
     * @param instructionalWeight the teacher's share of the class; the largest one when the teacher had the
     *     student in several classes of the subject (the fall and spring sections of a course)
     * @param campusId the campus of the class
     */
    public record Taught(long staffId, long studentId, String subject, long campusId, BigDecimal instructionalWeight) {}

    /**
     * Every teacher, student and subject of the year's classes in the given course subjects, streamed: a
     * network-wide year has millions of them.
     */
    public void forEachInYear(long schoolYearId, Collection<String> subjects, Consumer<Taught> each) {
        jdbc.sql("""
                        select tr.staff_id, e.student_id, co.subject, min(cs.campus_id) as campus_id,
                               max(tr.instructional_weight) as weight
                        from organization.teacher_of_record tr
                        join organization.class_section cs on cs.id = tr.class_id
                        join organization.term t on t.id = cs.term_id
                        join organization.course co on co.id = cs.course_id
                        join organization.enrollment e on e.class_id = cs.id
                        where t.school_year_id = ? and co.subject = any(?)
                        group by tr.staff_id, e.student_id, co.subject
                        """).params(schoolYearId, subjects.toArray(String[]::new)).query(rs -> {
            each.accept(new Taught(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getBigDecimal(5)));
        });
    }

    /** The names ("given family") of these staff members, by id. */
    public java.util.Map<Long, String> namesOf(Collection<Long> staffIds) {
        var names = new java.util.HashMap<Long, String>();
        jdbc.sql("select id, given_name || ' ' || family_name from organization.staff where id = any(?)")
                .param(staffIds.toArray(Long[]::new))
                .query(rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                });
        return names;
    }
}
