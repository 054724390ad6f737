package org.cadre.evaluation.calibration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cadre.evaluation.appraisal.AppraisalAccess;
import org.cadre.evaluation.appraisal.Teachers;
import org.cadre.evaluation.rules.Agreement;
import org.cadre.organization.StaffMembers;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.ForbiddenException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agreement between appraisers who rated the same lesson: observations that carry the same calibration lesson
 * (a calibration observation or a shared video) and were rated by different appraisers. Every pair of their
 * ratings of the same dimension counts once; agreement is reported per appraiser (against every other appraiser
 * of the same lessons) and per dimension.
 */
@Service
@Transactional(readOnly = true)
public class Calibration {

    /** Agreement of one appraiser, or on one dimension. */
    public record Line(String key, String label, Agreement agreement) {}

    /** The whole report. */
    public record Report(int lessons, List<Line> byAppraiser, List<Line> byDimension, Agreement overall) {}

    private final JdbcClient jdbc;
    private final Teachers teachers;
    private final StaffMembers staff;

    Calibration(JdbcClient jdbc, Teachers teachers, StaffMembers staff) {
        this.jdbc = jdbc;
        this.teachers = teachers;
        this.staff = staff;
    }

    public Report report(CurrentUser user) {
        var scope = AppraisalAccess.campusesInView(user);
        if (scope != null && scope.isEmpty()) {
            throw new ForbiddenException("Calibration is for appraisers and administrators");
        }
        var year = teachers.currentYear();
        record Rated(String lesson, long appraiser, String dimension, int rating) {}
        var rows = jdbc.sql("""
                        select o.calibration_lesson, o.appraiser_staff_id, r.dimension_code, r.rating
                        from evaluation.observation o join evaluation.observation_rating r on r.observation_id = o.id
                        where o.school_year_id = ? and o.calibration_lesson is not null
                          and o.status in ('RATED', 'SHARED', 'ACKNOWLEDGED')
                          and (cast(? as bigint[]) is null or o.campus_id = any(?))
                        order by o.calibration_lesson, o.appraiser_staff_id
                        """)
                .params(
                        year.id(),
                        scope == null ? null : scope.toArray(Long[]::new),
                        scope == null ? null : scope.toArray(Long[]::new))
                .query((rs, n) -> new Rated(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4)))
                .list();
        // lesson → dimension → appraiser → rating (an appraiser's latest rating of the lesson counts)
        var lessons = new TreeMap<String, Map<String, Map<Long, Integer>>>();
        for (var row : rows) {
            lessons.computeIfAbsent(row.lesson(), l -> new TreeMap<>())
                    .computeIfAbsent(row.dimension(), d -> new TreeMap<>())
                    .put(row.appraiser(), row.rating());
        }
        var byAppraiser = new TreeMap<Long, List<Agreement.Pair>>();
        var byDimension = new TreeMap<String, List<Agreement.Pair>>();
        var all = new ArrayList<Agreement.Pair>();
        int pairedLessons = 0;
        for (var lesson : lessons.values()) {
            boolean paired = false;
            for (var dimension : lesson.entrySet()) {
                var raters = new ArrayList<>(dimension.getValue().entrySet());
                for (int i = 0; i < raters.size(); i++) {
                    for (int j = i + 1; j < raters.size(); j++) {
                        var a = raters.get(i);
                        var b = raters.get(j);
                        var pair = new Agreement.Pair(a.getValue(), b.getValue());
                        all.add(pair);
                        byDimension
                                .computeIfAbsent(dimension.getKey(), d -> new ArrayList<>())
                                .add(pair);
                        byAppraiser
                                .computeIfAbsent(a.getKey(), x -> new ArrayList<>())
                                .add(pair);
                        byAppraiser
                                .computeIfAbsent(b.getKey(), x -> new ArrayList<>())
                                .add(new Agreement.Pair(b.getValue(), a.getValue()));
                        paired = true;
                    }
                }
            }
            if (paired) {
                pairedLessons++;
            }
        }
        var appraiserLines = new ArrayList<Line>();
        var names = new HashMap<Long, String>();
        byAppraiser.forEach((appraiser, pairs) -> appraiserLines.add(new Line(
                String.valueOf(appraiser),
                names.computeIfAbsent(appraiser, a -> staff.nameOf(a).orElse("Appraiser " + a)),
                Agreement.of(pairs))));
        var dimensionLines = new ArrayList<Line>();
        byDimension.forEach(
                (dimension, pairs) -> dimensionLines.add(new Line(dimension, dimension, Agreement.of(pairs))));
        return new Report(pairedLessons, appraiserLines, dimensionLines, Agreement.of(all));
    }
}
