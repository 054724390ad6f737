package org.cadre.growth;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cadre.audit.AuditTrail;
import org.cadre.organization.Students;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.InvalidInputException;
import org.cadre.shared.NotFoundException;
import org.cadre.shared.PageRequest;
import org.cadre.shared.PageResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports assessment results from CSV ({@code student_id,subject,year,grade,scale_score,test} and optionally
 * {@code achievement_level}), all or nothing: every line is checked first, and only a file without errors is
 * written, in one transaction. A score is keyed by student, subject and year; importing the same file again
 * changes nothing.
 */
@Service
public class AssessmentImports {

    static final List<String> REQUIRED = List.of("student_id", "subject", "year", "grade", "scale_score", "test");
    static final String ACHIEVEMENT_LEVEL = "achievement_level";
    static final int MAX_ISSUES = 1000;

    private static final Pattern SPRING_YEAR = Pattern.compile("\\d{4}");
    private static final Pattern SCHOOL_YEAR = Pattern.compile("(\\d{4})-(\\d{4})");
    private static final Pattern GRADE = Pattern.compile("0?([1-9]|1[0-2])|KG|K");
    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transaction;
    private final TransactionTemplate own;
    private final Students students;
    private final AuditTrail audit;

    AssessmentImports(
            JdbcClient jdbc,
            JdbcTemplate batches,
            PlatformTransactionManager transactions,
            Students students,
            AuditTrail audit) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transaction = new TransactionTemplate(transactions);
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.students = students;
        this.audit = audit;
    }

    /** A checked line of the file. */
    record Score(
            long line,
            String studentSourceId,
            String subject,
            int year,
            String grade,
            double scaleScore,
            String test,
            String achievementLevel) {}

    /**
     * Checks and imports a file. A file whose header lacks a column is refused before anything is recorded;
     * otherwise the import is recorded with its report, imported or rejected as a whole.
     */
    public AssessmentImport importFile(CurrentUser user, String fileName, InputStream content) {
        var name = fileName == null || fileName.isBlank() ? "assessment-results.csv" : fileName;
        try (var reader = new InputStreamReader(content, StandardCharsets.UTF_8);
                var parser = parser(reader)) {
            var header = parser.getHeaderNames().stream()
                    .map(h -> h.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT))
                    .toList();
            var missing = REQUIRED.stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException(
                        "file",
                        "The header must name the columns " + String.join(",", REQUIRED)
                                + " (and optionally achievement_level); missing: " + String.join(", ", missing));
            }
            long id = own.execute(s ->
                    jdbc.sql("""
                            insert into growth.assessment_import (started_by, file_name, status) values (?, ?, 'RUNNING')
                            returning id""").params(actor(user), name).query(Long.class).single());
            var issues = new ArrayList<AssessmentImport.Issue>();
            int[] errors = {0};
            var read = read(parser, header, issues, errors);
            var outcome = errors[0] == 0 ? write(id, name, read, issues, errors) : null;
            finish(id, read.rows(), outcome, issues, errors[0]);
            return find(id).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new InvalidInputException("file", "The file cannot be read as CSV: " + e.getMessage());
        }
    }

    private static CSVParser parser(Reader reader) throws IOException {
        try {
            return CSVParser.builder()
                    .setReader(reader)
                    .setFormat(FORMAT.builder()
                            .setHeader()
                            .setSkipHeaderRecord(true)
                            .get())
                    .get();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("file", "The header cannot be read: " + e.getMessage());
        }
    }

    /** The checked lines of a file and the Cadre ids of their students. */
    private record Read(int rows, List<Score> scores, Map<String, Long> studentIds) {}

    private Read read(CSVParser parser, List<String> header, List<AssessmentImport.Issue> issues, int[] errors) {
        var column = new HashMap<String, Integer>();
        for (int i = 0; i < header.size(); i++) {
            column.putIfAbsent(header.get(i), i);
        }
        var scores = new ArrayList<Score>();
        var seen = new HashMap<String, Long>();
        int rows = 0;
        var records = parser.iterator();
        while (true) {
            long line = parser.getCurrentLineNumber() + 1;
            if (!records.hasNext()) {
                break;
            }
            CSVRecord record = records.next();
            rows++;
            var problem = new Problem(line, issues, errors);
            String studentId = value(record, column, "student_id");
            String subjectName = value(record, column, "subject");
            String yearText = value(record, column, "year");
            String gradeText = value(record, column, "grade");
            String scoreText = value(record, column, "scale_score");
            String test = value(record, column, "test");
            String level = column.containsKey(ACHIEVEMENT_LEVEL) ? value(record, column, ACHIEVEMENT_LEVEL) : "";
            if (studentId.isEmpty()) {
                problem.at("student_id", studentId, "The student id is missing");
            }
            var subject = TestedSubjects.of(subjectName);
            if (subject.isEmpty()) {
                problem.at("subject", subjectName, "Not a tested subject; use Math or Reading/ELA");
            }
            Integer year = year(yearText);
            if (year == null) {
                problem.at("year", yearText, "Not a school year; write the spring year (2026) or 2025-2026");
            }
            String grade = grade(gradeText);
            if (grade == null) {
                problem.at("grade", gradeText, "Not a grade; use KG or 1 to 12 (01 to 12)");
            }
            Double scaleScore = number(scoreText);
            if (scaleScore == null) {
                problem.at("scale_score", scoreText, "Not a number");
            }
            if (test.isEmpty()) {
                problem.at("test", test, "The test is missing");
            }
            if (problem.none()) {
                var key = studentId + "\u0000" + subject.get() + "\u0000" + year;
                var earlier = seen.putIfAbsent(key, line);
                if (earlier != null) {
                    problem.at(
                            "student_id",
                            studentId,
                            "Line " + earlier + " already has this student's " + subject.get() + " score of " + year
                                    + "; a student has one score per subject and year");
                } else {
                    scores.add(new Score(
                            line,
                            studentId,
                            subject.get(),
                            year,
                            grade,
                            scaleScore,
                            test,
                            level.isEmpty() ? null : level));
                }
            }
        }
        Map<String, Long> ids = Map.of();
        if (errors[0] == 0) {
            ids = students.idsBySourceId(
                    new HashSet<>(scores.stream().map(Score::studentSourceId).toList()));
            for (var score : scores) {
                if (!ids.containsKey(score.studentSourceId())) {
                    new Problem(score.line(), issues, errors)
                            .at("student_id", score.studentSourceId(), "No student has this id in the roster");
                }
            }
        }
        return new Read(rows, scores, ids);
    }

    private record Counts(int created, int updated, int unchanged) {}

    private Counts write(long id, String name, Read read, List<AssessmentImport.Issue> issues, int[] errors) {
        var ids = read.studentIds();
        var scores = read.scores();
        return transaction.execute(tx -> {
            jdbc.sql("""
                    create temporary table assessment_staging (
                        line bigint, student_id bigint, subject text, school_year integer, test text, grade text,
                        scale_score double precision, achievement_level text) on commit drop
                    """).update();
            var rows = new ArrayList<Object[]>(scores.size());
            for (var s : scores) {
                rows.add(new Object[] {
                    s.line(),
                    ids.get(s.studentSourceId()),
                    s.subject(),
                    s.year(),
                    s.test(),
                    s.grade(),
                    s.scaleScore(),
                    s.achievementLevel()
                });
            }
            batches.batchUpdate("insert into assessment_staging values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
            jdbc.sql("""
                    select s.line, s.test, r.test as earlier from assessment_staging s
                    join growth.assessment_result r on r.student_id = s.student_id and r.subject = s.subject
                        and r.school_year = s.school_year and r.test <> s.test
                    order by s.line
                    """).query(rs -> {
                new Problem(rs.getLong("line"), issues, errors)
                        .at(
                                "test",
                                rs.getString("test"),
                                "The student already has a score of this subject and year from the test '"
                                        + rs.getString("earlier") + "'; a student has one score per subject and year");
            });
            if (errors[0] > 0) {
                tx.setRollbackOnly();
                return null;
            }
            int unchanged = jdbc.sql("""
                    select count(*) from assessment_staging s join growth.assessment_result r
                        on r.student_id = s.student_id and r.subject = s.subject and r.school_year = s.school_year
                    where r.grade = s.grade and r.scale_score = s.scale_score
                        and r.achievement_level is not distinct from s.achievement_level
                    """).query(Integer.class).single();
            int existing = jdbc.sql("""
                    select count(*) from assessment_staging s join growth.assessment_result r
                        on r.student_id = s.student_id and r.subject = s.subject and r.school_year = s.school_year
                    """).query(Integer.class).single();
            jdbc.sql("""
                    insert into growth.assessment_result
                        (student_id, subject, school_year, test, grade, scale_score, achievement_level, import_id)
                    select student_id, subject, school_year, test, grade, scale_score, achievement_level, ?
                    from assessment_staging
                    on conflict (student_id, subject, school_year) do update
                        set grade = excluded.grade, scale_score = excluded.scale_score,
                            achievement_level = excluded.achievement_level, import_id = excluded.import_id
                        where (growth.assessment_result.grade, growth.assessment_result.scale_score,
                               growth.assessment_result.achievement_level)
                              is distinct from (excluded.grade, excluded.scale_score, excluded.achievement_level)
                    """).param(id).update();
            var counts = new Counts(scores.size() - existing, existing - unchanged, unchanged);
            audit.created(
                    "assessment_import",
                    id,
                    null,
                    "Assessment results imported from " + name + ": "
                            + counts.created() + " new, " + counts.updated() + " changed, " + counts.unchanged()
                            + " unchanged",
                    Map.of("created", counts.created(), "updated", counts.updated(), "unchanged", counts.unchanged()));
            return counts;
        });
    }

    private void finish(long id, int rows, Counts counts, List<AssessmentImport.Issue> issues, int errors) {
        own.executeWithoutResult(s -> {
            var status = counts != null ? AssessmentImport.Status.IMPORTED : AssessmentImport.Status.REJECTED;
            var message = counts != null
                    ? "Imported."
                    : "The file has errors; nothing was written. Correct them and import it again.";
            jdbc.sql("""
                    update growth.assessment_import set status = ?, finished_at = clock_timestamp(), rows_read = ?,
                        created = ?, updated = ?, unchanged = ?, errors = ?, message = ? where id = ?
                    """)
                    .params(
                            status.name(),
                            rows,
                            counts == null ? 0 : counts.created(),
                            counts == null ? 0 : counts.updated(),
                            counts == null ? 0 : counts.unchanged(),
                            errors,
                            message,
                            id)
                    .update();
            var batch = new ArrayList<Object[]>();
            for (var issue : issues) {
                batch.add(new Object[] {id, issue.seq(), issue.line(), issue.column(), issue.value(), issue.reason()});
            }
            batches.batchUpdate("""
                    insert into growth.assessment_import_issue (import_id, seq, line, column_name, value, reason)
                    values (?, ?, ?, ?, ?, ?)""", batch);
        });
    }

    public AssessmentImport get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("Assessment import", id));
    }

    public List<AssessmentImport.Issue> issues(long id, int limit) {
        return jdbc.sql("""
                        select seq, line, column_name, value, reason from growth.assessment_import_issue
                        where import_id = ? order by seq limit ?""")
                .params(id, limit)
                .query((rs, n) -> new AssessmentImport.Issue(
                        rs.getInt("seq"),
                        (Long) rs.getObject("line"),
                        rs.getString("column_name"),
                        rs.getString("value"),
                        rs.getString("reason")))
                .list();
    }

    public PageResponse<AssessmentImport> history(PageRequest page) {
        long total = jdbc.sql("select count(*) from growth.assessment_import")
                .query(Long.class)
                .single();
        var items = jdbc.sql("select * from growth.assessment_import order by id desc limit ? offset ?")
                .params(page.size(), page.offset())
                .query(AssessmentImports::map)
                .list();
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    Optional<AssessmentImport> find(long id) {
        return jdbc.sql("select * from growth.assessment_import where id = ?")
                .param(id)
                .query(AssessmentImports::map)
                .optional();
    }

    private static AssessmentImport map(ResultSet rs, int row) throws SQLException {
        return new AssessmentImport(
                rs.getLong("id"),
                rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("finished_at") == null
                        ? null
                        : rs.getTimestamp("finished_at").toInstant(),
                rs.getString("file_name"),
                AssessmentImport.Status.valueOf(rs.getString("status")),
                rs.getInt("rows_read"),
                rs.getInt("created"),
                rs.getInt("updated"),
                rs.getInt("unchanged"),
                rs.getInt("errors"),
                rs.getString("message"));
    }

    private static String value(CSVRecord record, Map<String, Integer> column, String name) {
        int i = column.get(name);
        return i < record.size() ? record.get(i).strip() : "";
    }

    static Integer year(String text) {
        if (SPRING_YEAR.matcher(text).matches()) {
            int year = Integer.parseInt(text);
            return year >= 1990 && year <= 2100 ? year : null;
        }
        var m = SCHOOL_YEAR.matcher(text);
        if (m.matches() && Integer.parseInt(m.group(2)) == Integer.parseInt(m.group(1)) + 1) {
            return year(m.group(2));
        }
        return null;
    }

    /** Grades as the engine groups them: 1 to 12 without leading zeros, KG for kindergarten. */
    static String grade(String text) {
        var upper = text.toUpperCase(Locale.ROOT);
        var m = GRADE.matcher(upper);
        if (!m.matches()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : "KG";
    }

    private static Double number(String text) {
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) && !text.isEmpty() ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String actor(CurrentUser user) {
        return user == null ? "system" : user.displayName() + " <" + user.email() + ">";
    }

    /** Collects the errors of one line; keeps the first {@link #MAX_ISSUES} of the file but counts all. */
    private static final class Problem {
        private final long line;
        private final List<AssessmentImport.Issue> issues;
        private final int[] errors;
        private boolean found;

        Problem(long line, List<AssessmentImport.Issue> issues, int[] errors) {
            this.line = line;
            this.issues = issues;
            this.errors = errors;
        }

        void at(String column, String value, String reason) {
            found = true;
            errors[0]++;
            if (issues.size() < MAX_ISSUES) {
                issues.add(new AssessmentImport.Issue(issues.size() + 1, line, column, value, reason));
            }
        }

        boolean none() {
            return !found;
        }
    }
}
