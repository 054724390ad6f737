package org.cadre.evaluation.appraisal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cadre.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The yearly assignment of appraisers to teachers, kept by campus administrators. */
@Repository
public class Appraisers {

    /** One appraiser assigned to one teacher for a school year. */
    public record Assignment(long id, long schoolYearId, long campusId, long teacherStaffId, long appraiserStaffId) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    Appraisers(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public Set<Long> assignedTo(long schoolYearId, long teacherStaffId) {
        return new HashSet<>(jdbc.sql("""
                        select appraiser_staff_id from evaluation.appraiser_assignment
                        where school_year_id = ? and teacher_staff_id = ?
                        """)
                .params(schoolYearId, teacherStaffId)
                .query(Long.class)
                .list());
    }

    /** Every assignment of a campus in a year, keyed by teacher. */
    public Map<Long, Set<Long>> ofCampus(long schoolYearId, long campusId) {
        var byTeacher = new HashMap<Long, Set<Long>>();
        jdbc.sql("""
                        select teacher_staff_id, appraiser_staff_id from evaluation.appraiser_assignment
                        where school_year_id = ? and campus_id = ?
                        """).params(schoolYearId, campusId).query(rs -> {
            byTeacher
                    .computeIfAbsent(rs.getLong("teacher_staff_id"), t -> new HashSet<>())
                    .add(rs.getLong("appraiser_staff_id"));
        });
        return byTeacher;
    }

    public List<Assignment> listOfCampus(long schoolYearId, long campusId) {
        return jdbc.sql("""
                        select id, school_year_id, campus_id, teacher_staff_id, appraiser_staff_id
                        from evaluation.appraiser_assignment where school_year_id = ? and campus_id = ? order by id
                        """)
                .params(schoolYearId, campusId)
                .query(Assignment.class)
                .list();
    }

    @Transactional
    public void assign(long schoolYearId, long campusId, long teacherStaffId, long appraiserStaffId) {
        int added = jdbc.sql("""
                        insert into evaluation.appraiser_assignment (school_year_id, campus_id, teacher_staff_id, appraiser_staff_id)
                        values (?, ?, ?, ?) on conflict do nothing
                        """)
                .params(schoolYearId, campusId, teacherStaffId, appraiserStaffId)
                .update();
        if (added > 0) {
            audit.created(
                    "appraiser-assignment",
                    teacherStaffId + "/" + appraiserStaffId,
                    campusId,
                    "Appraiser " + appraiserStaffId + " assigned to teacher " + teacherStaffId,
                    Map.of("schoolYearId", schoolYearId, "teacher", teacherStaffId, "appraiser", appraiserStaffId));
        }
    }

    @Transactional
    public void unassign(long schoolYearId, long campusId, long teacherStaffId, long appraiserStaffId) {
        int removed = jdbc.sql("""
                        delete from evaluation.appraiser_assignment
                        where school_year_id = ? and campus_id = ? and teacher_staff_id = ? and appraiser_staff_id = ?
                        """)
                .params(schoolYearId, campusId, teacherStaffId, appraiserStaffId)
                .update();
        if (removed > 0) {
            audit.deleted(
                    "appraiser-assignment",
                    teacherStaffId + "/" + appraiserStaffId,
                    campusId,
                    "Appraiser " + appraiserStaffId + " no longer assigned to teacher " + teacherStaffId,
                    Map.of("schoolYearId", schoolYearId, "teacher", teacherStaffId, "appraiser", appraiserStaffId));
        }
    }
}
