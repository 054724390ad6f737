package org.cadre.organization;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The network's students as other capabilities need them: by their roster (OneRoster) id, and one by one.
 * Whether a person may see a student is the asking capability's rule, with {@link DirectoryAccess} for
 * campus leaders.
 */
@Repository
public class Students {

    private final JdbcClient jdbc;

    Students(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A student as the roster has them.
     *
     * @param sourceId the roster's (OneRoster) sourcedId
     * @param gradeLevel the current grade as the roster writes it ({@code KG}, {@code 01} … {@code 12})
     * @param campusId the current campus, null when none
     */
    public record StudentRecord(
            long id,
            String sourceId,
            String name,
            String gradeLevel,
            Long campusId,
            String campusName,
            boolean active) {}

    /** Cadre's ids of the students with these roster ids; unknown ones are left out. */
    public Map<String, Long> idsBySourceId(Collection<String> sourceIds) {
        var ids = new HashMap<String, Long>();
        jdbc.sql("select source_id, id from organization.student where source_id = any(?)")
                .param(sourceIds.toArray(String[]::new))
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        return ids;
    }

    public Optional<StudentRecord> find(long id) {
        return jdbc.sql(SELECT + " where st.id = ?")
                .param(id)
                .query(Students::map)
                .optional();
    }

    /** The students with these ids, by id; unknown ids are left out. */
    public Map<Long, StudentRecord> byIds(Collection<Long> ids) {
        var found = new HashMap<Long, StudentRecord>();
        jdbc.sql(SELECT + " where st.id = any(?)")
                .param(ids.toArray(Long[]::new))
                .query(rs -> {
                    var student = map(rs, 0);
                    found.put(student.id(), student);
                });
        return found;
    }

    /** Every active student, in id order, streamed. */
    public void forEachActive(Consumer<StudentRecord> each) {
        jdbc.sql(SELECT + " where st.active order by st.id").query(rs -> {
            each.accept(map(rs, 0));
        });
    }

    private static final String SELECT = """
            select st.id, st.source_id, st.given_name || ' ' || st.family_name as name, st.grade_level, st.campus_id,
                   c.name as campus_name, st.active
            from organization.student st left join organization.campus c on c.id = st.campus_id""";

    private static StudentRecord map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StudentRecord(
                rs.getLong("id"),
                rs.getString("source_id"),
                rs.getString("name"),
                rs.getString("grade_level"),
                (Long) rs.getObject("campus_id"),
                rs.getString("campus_name"),
                rs.getBoolean("active"));
    }
}
