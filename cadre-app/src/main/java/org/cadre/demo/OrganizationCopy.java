package org.cadre.demo;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
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
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes a generated network into the organisation's tables with PostgreSQL {@code COPY}, a few megabytes at a
 * time. Rows get explicit ids (the generator's ordinals after the tables' highest ids), so children can refer
 * to parents without asking the database; the id sequences are moved past them at the end. Runs on the
 * caller's connection and transaction.
 */
final class OrganizationCopy implements NetworkSink {

    /** The tables in the order their rows may be written: a table's parents come before it. */
    enum Table {
        NETWORK("network", "source_id, name", false),
        REGION("region", "id, source_id, name", true),
        CAMPUS("campus", "id, source_id, name, campus_number, level, region_id", true),
        SCHOOL_YEAR("school_year", "id, source_id, name, begins_on, ends_on, is_current", true),
        TERM("term", "id, source_id, school_year_id, name, begins_on, ends_on", true),
        COURSE("course", "id, source_id, school_year_id, code, title, subject, grade_level, tested", true),
        STAFF("staff", "id, source_id, employee_id, given_name, family_name, email, pay_band, hire_date, active", true),
        ROLE_ASSIGNMENT("role_assignment", "staff_id, school_year_id, campus_id, role", false),
        STUDENT(
                "student",
                "id, source_id, student_number, given_name, family_name, grade_level, campus_id, active",
                true),
        CLASS_SECTION("class_section", "id, source_id, course_id, campus_id, term_id, title, period", true),
        TEACHER_OF_RECORD(
                "teacher_of_record", "class_id, staff_id, instructional_weight, is_primary, begins_on, ends_on", false),
        ENROLLMENT("enrollment", "class_id, student_id, begins_on, ends_on", false);

        final String name;
        final String columns;
        final boolean explicitIds;

        Table(String name, String columns, boolean explicitIds) {
            this.name = name;
            this.columns = columns;
            this.explicitIds = explicitIds;
        }

        String qualified() {
            return "organization." + name;
        }
    }

    /** Buffered characters that trigger a write; bounds the memory a load needs whatever the network's size. */
    private static final int FLUSH_AT = 8 * 1024 * 1024;

    private final CopyManager copy;
    private final JdbcClient jdbc;
    private final Map<Table, Long> offsets = new EnumMap<>(Table.class);
    private final Map<Table, StringBuilder> buffers = new EnumMap<>(Table.class);
    private final Map<String, Long> demoStaffIds = new HashMap<>();
    private int buffered;

    OrganizationCopy(Connection connection, JdbcClient jdbc) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.jdbc = jdbc;
        for (var table : Table.values()) {
            buffers.put(table, new StringBuilder());
            if (table.explicitIds) {
                offsets.put(
                        table,
                        jdbc.sql("select coalesce(max(id), 0) from " + table.qualified())
                                .query(Long.class)
                                .single());
            }
        }
    }

    /** The staff id of each demo account's staff member, by email, once written. */
    Map<String, Long> demoStaffIds() {
        return demoStaffIds;
    }

    @Override
    public void network(Network network) {
        row(Table.NETWORK, network.sourceId(), network.name());
    }

    @Override
    public void region(Region region) {
        row(Table.REGION, id(Table.REGION, region.ordinal()), region.sourceId(), region.name());
    }

    @Override
    public void campus(Campus campus) {
        row(
                Table.CAMPUS,
                id(Table.CAMPUS, campus.ordinal()),
                campus.sourceId(),
                campus.name(),
                campus.campusNumber(),
                campus.level().name(),
                id(Table.REGION, campus.region().ordinal()));
    }

    @Override
    public void schoolYear(SchoolYear year) {
        row(
                Table.SCHOOL_YEAR,
                id(Table.SCHOOL_YEAR, year.ordinal()),
                year.sourceId(),
                year.name(),
                year.beginsOn(),
                year.endsOn(),
                year.current());
    }

    @Override
    public void term(Term term) {
        row(
                Table.TERM,
                id(Table.TERM, term.ordinal()),
                term.sourceId(),
                id(Table.SCHOOL_YEAR, term.year().ordinal()),
                term.name(),
                term.beginsOn(),
                term.endsOn());
    }

    @Override
    public void course(Course course) {
        row(
                Table.COURSE,
                id(Table.COURSE, course.ordinal()),
                course.sourceId(),
                id(Table.SCHOOL_YEAR, course.year().ordinal()),
                course.code(),
                course.title(),
                course.subject(),
                course.gradeLevel(),
                course.tested());
    }

    @Override
    public void staff(Staff staff) {
        long id = id(Table.STAFF, staff.ordinal());
        row(
                Table.STAFF,
                id,
                staff.sourceId(),
                staff.employeeId(),
                staff.givenName(),
                staff.familyName(),
                staff.email(),
                staff.payBand(),
                staff.hireDate(),
                staff.active());
        if (DemoAccounts.ALL.stream().anyMatch(account -> account.email().equals(staff.email()))) {
            demoStaffIds.put(staff.email(), id);
        }
    }

    @Override
    public void roleAssignment(RoleAssignment assignment) {
        row(
                Table.ROLE_ASSIGNMENT,
                id(Table.STAFF, assignment.staff().ordinal()),
                id(Table.SCHOOL_YEAR, assignment.year().ordinal()),
                assignment.campus() == null
                        ? null
                        : id(Table.CAMPUS, assignment.campus().ordinal()),
                assignment.role().name());
    }

    @Override
    public void student(Student student) {
        row(
                Table.STUDENT,
                id(Table.STUDENT, student.ordinal()),
                student.sourceId(),
                student.studentNumber(),
                student.givenName(),
                student.familyName(),
                student.gradeLevel(),
                id(Table.CAMPUS, student.campus().ordinal()),
                student.active());
    }

    @Override
    public void classSection(ClassSection section) {
        row(
                Table.CLASS_SECTION,
                id(Table.CLASS_SECTION, section.ordinal()),
                section.sourceId(),
                id(Table.COURSE, section.course().ordinal()),
                id(Table.CAMPUS, section.campus().ordinal()),
                id(Table.TERM, section.term().ordinal()),
                section.title(),
                section.period());
    }

    @Override
    public void teacherOfRecord(TeacherOfRecord teacher) {
        row(
                Table.TEACHER_OF_RECORD,
                id(Table.CLASS_SECTION, teacher.classSection().ordinal()),
                id(Table.STAFF, teacher.staff().ordinal()),
                teacher.instructionalWeight(),
                teacher.primary(),
                teacher.beginsOn(),
                teacher.endsOn());
    }

    @Override
    public void enrollment(Enrollment enrollment) {
        row(
                Table.ENROLLMENT,
                id(Table.CLASS_SECTION, enrollment.classSection().ordinal()),
                id(Table.STUDENT, enrollment.student().ordinal()),
                enrollment.beginsOn(),
                enrollment.endsOn());
    }

    /** Writes what is still buffered, moves the id sequences past the written ids and refreshes statistics. */
    void finish() {
        flush();
        for (var table : Table.values()) {
            if (table.explicitIds) {
                jdbc.sql("select setval(pg_get_serial_sequence(?, 'id'), (select max(id) from " + table.qualified()
                                + "))")
                        .param(table.qualified())
                        .query(Long.class)
                        .single();
            }
            jdbc.sql("analyze " + table.qualified()).update();
        }
    }

    private long id(Table table, long ordinal) {
        return offsets.get(table) + ordinal;
    }

    private void row(Table table, Object... values) {
        var buffer = buffers.get(table);
        int before = buffer.length();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append('\t');
            }
            append(buffer, values[i]);
        }
        buffer.append('\n');
        buffered += buffer.length() - before;
        if (buffered >= FLUSH_AT) {
            flush();
        }
    }

    /** Writes every buffered row, parents' tables first, so that foreign keys always find their row. */
    private void flush() {
        try {
            for (var table : Table.values()) {
                var buffer = buffers.get(table);
                if (!buffer.isEmpty()) {
                    copy.copyIn(
                            "copy " + table.qualified() + " (" + table.columns + ") from stdin",
                            new StringReader(buffer.toString()));
                    buffer.setLength(0);
                }
            }
            buffered = 0;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not copy the demo network into the database: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One value in PostgreSQL's COPY text format. */
    private static void append(StringBuilder buffer, Object value) {
        switch (value) {
            case null -> buffer.append("\\N");
            case Boolean b -> buffer.append(b ? 't' : 'f');
            case LocalDate date -> buffer.append(date);
            case Number number -> buffer.append(number);
            default -> {
                var text = value.toString();
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    switch (c) {
                        case '\\' -> buffer.append("\\\\");
                        case '\t' -> buffer.append("\\t");
                        case '\n' -> buffer.append("\\n");
                        case '\r' -> buffer.append("\\r");
                        default -> buffer.append(c);
                    }
                }
            }
        }
    }
}
