package org.cadre.organization.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The enrollments of a bulk file going into empty enrollment tables — the first import into a new Cadre, millions of
 * rows where every other file has thousands — checked and written in one pass while the file streams, after
 * everything else of the package is written: each row's class and user are looked up in memory among the classes
 * and people just written, and the rows go once, by COPY, into the tables, whose keys are then built in one sort
 * each ({@link RosterWriter.Keys}). The general way stages the file, checks it with a dozen statements over its
 * millions of rows and joins them again to insert them; it writes every row twice and took three times as long.
 *
 * <p>This way only takes a file it can prove correct with the same rules: a row it cannot vouch for — any value the
 * checks would report, a row's warning included (another role than student or teacher), a tobedeleted row, a
 * duplicate — makes it roll back to where it began and leave the file to the general way, which names every
 * problem with its line. So it reports no issue of its own (only the header's warnings, as the general way does),
 * and a package's report does not depend on which way read it. It holds eight bytes per row (the sourcedIds' hashes, sorted at the end to find a duplicate) and the
 * sourcedIds of the classes and people in Cadre; {@link #applies} keeps it to files that fit a quarter of the heap.
 */
final class StreamedEnrollments {

    private static final Logger log = LoggerFactory.getLogger(StreamedEnrollments.class);

    private static final OneRosterFile FILE = OneRosterFile.ENROLLMENTS;
    private static final Pattern DATE = Pattern.compile(ValueChecks.DATE_PATTERN);
    private static final Pattern DATE_TIME = Pattern.compile(ValueChecks.DATE_TIME_PATTERN);
    private static final Pattern NUMBER = Pattern.compile(ValueChecks.NUMBER_PATTERN);
    private static final BigDecimal LEAST_WEIGHT = new BigDecimal("0.1");
    /** Distinct dateLastModified values kept for one check at the end; a file with more goes the general way. */
    private static final int MAX_TIMES = 10_000;

    private static final int FLUSH_AT = 1 << 20;

    private final JdbcClient jdbc;
    private final CopyManager copy;
    private final RosterPackage pack;
    private final ImportReport report;
    private final long rowsBefore;
    private final RosterImports.Progress progress;

    StreamedEnrollments(
            JdbcClient jdbc,
            CopyManager copy,
            RosterPackage pack,
            ImportReport report,
            long rowsBefore,
            RosterImports.Progress progress) {
        this.jdbc = jdbc;
        this.copy = copy;
        this.pack = pack;
        this.report = report;
        this.rowsBefore = rowsBefore;
        this.progress = progress;
    }

    /**
     * Whether a bulk enrollments file of this package may be left for this way: both enrollment tables are empty
     * (nothing can be updated or leave them), and the file is at most a quarter of the heap.
     */
    static boolean applies(JdbcClient jdbc, RosterPackage pack) {
        long bytes = pack.declaredBytes(FILE.fileName());
        return bytes >= 0
                && bytes <= Runtime.getRuntime().maxMemory() / 4
                && jdbc.sql("""
                                select not exists (select 1 from organization.enrollment)
                                   and not exists (select 1 from organization.teacher_of_record)
                                """).query(Boolean.class).single();
    }

    /**
     * Streams the file into the enrollment tables, inside a savepoint of the import's transaction.
     *
     * @return whether the enrollments were written; if not, nothing of them was, and the general way must read them
     */
    boolean load() {
        long started = System.nanoTime();
        jdbc.sql("savepoint roster_streamed").update();
        String refused;
        try {
            refused = stream();
        } catch (IOException | SQLException | CsvFile.Unreadable | DataAccessException e) {
            refused = e.getMessage();
        }
        if (refused != null) {
            jdbc.sql("rollback to savepoint roster_streamed").update();
        }
        jdbc.sql("release savepoint roster_streamed").update();
        log.info(
                "Roster package {}: enrollments {} in {} s",
                pack.name(),
                refused == null ? "streamed into the roster" : "left to the full checks (" + refused + ")",
                RosterImports.seconds(System.nanoTime() - started));
        return refused == null;
    }

    /** @return null when the enrollments are written, or why this way gave them up */
    private String stream() throws IOException, SQLException, CsvFile.Unreadable {
        var in = pack.open(FILE.fileName());
        if (in.isEmpty()) {
            return "no file";
        }
        try (var csv = CsvCopy.open(in.get())) {
            var header = csv.header();
            var headerIssues = new ImportReport(1000);
            if (!PackageStaging.checkHeader(FILE, header, headerIssues, new HashSet<>())
                    || headerIssues.errors() > 0
                    || headerIssues.warnings() > headerIssues.issues().size()) {
                return "the header has errors";
            }
            var columns = new Columns(header);
            var people = people();
            if (people == null) {
                return "too many classes and people to hold";
            }
            var enrollments = RosterWriter.Keys.drop(jdbc, "organization.enrollment");
            var teachers = RosterWriter.Keys.drop(jdbc, "organization.teacher_of_record");
            var rows = new Rows(csv, columns, people);
            var out = copy.copyIn("copy organization.enrollment (class_id, student_id, begins_on, ends_on) from stdin");
            try {
                String refused = rows.send(out);
                if (refused != null) {
                    return refused;
                }
                out.endCopy();
            } finally {
                if (out.isActive()) {
                    out.cancelCopy();
                }
            }
            long streamed = System.nanoTime();
            copy.copyIn(
                    "copy organization.teacher_of_record (class_id, staff_id, begins_on, ends_on,"
                            + " instructional_weight, is_primary) from stdin",
                    new java.io.ByteArrayInputStream(rows.teachers.toByteArray()));
            var refused = rows.duplicate();
            if (refused == null) {
                refused = rows.badTime(jdbc);
            }
            if (refused != null) {
                return refused;
            }
            long checked = System.nanoTime();
            progress.written(rows.students + rows.teachersWritten);
            enrollments.build();
            teachers.build();
            log.debug(
                    "enrollments: {} rows streamed, {} teachers written and checked in {} s, keys built in {} s",
                    csv.records(),
                    rows.teachersWritten,
                    RosterImports.seconds(checked - streamed),
                    RosterImports.seconds(System.nanoTime() - checked));
            // The header's warnings (columns missing, out of order, unknown), as the general way reports them.
            for (var issue : headerIssues.issues()) {
                report.warning(issue.file(), issue.line(), issue.column(), issue.value(), issue.reason());
            }
            var counts = report.counts(FILE);
            counts.rows += csv.records();
            counts.created += rows.students + rows.teachersWritten;
            return null;
        }
    }

    /** The classes and people the rows may name, by sourcedId; null if they are too many for the heap. */
    private People people() {
        long count = jdbc.sql("""
                        select (select count(*) from organization.class_section) + (select count(*) from organization.student)
                             + (select count(*) from organization.staff) + (select count(*) from organization.campus)
                             + (select count(*) from stg_orgs)
                        """).query(Long.class).single();
        // A sourcedId, its id and the map's entry take about 200 bytes.
        if (count * 200 > Runtime.getRuntime().maxMemory() / 4) {
            return null;
        }
        // As the package checks have them: a class in the package or in Cadre (the package's are written now); a
        // school among the package's orgs or Cadre's campuses; a student or staff member by the kind their roles
        // gave them, or as Cadre has them when the package does not say.
        return new People(
                ids("select source_id, id from organization.class_section"),
                new HashSet<>(
                        jdbc.sql("select sourced_id from stg_orgs union select source_id from organization.campus")
                                .query(String.class)
                                .list()),
                ids("""
                        select s.source_id, s.id from organization.student s
                        left join stg_kind k on k.sourced_id = s.source_id where k.kind is null or k.kind = 'STUDENT'
                        """),
                ids("""
                        select s.source_id, s.id from organization.staff s
                        left join stg_kind k on k.sourced_id = s.source_id where k.kind is null or k.kind = 'STAFF'
                        """));
    }

    /** Each sourcedId's id, as the digits COPY reads. */
    private Map<String, byte[]> ids(String sql) {
        var ids = new HashMap<String, byte[]>();
        jdbc.sql(sql).withFetchSize(10_000).query(rs -> {
            ids.put(rs.getString(1), Long.toString(rs.getLong(2)).getBytes(StandardCharsets.US_ASCII));
        });
        return ids;
    }

    private record People(
            Map<String, byte[]> classes,
            Set<String> schools,
            Map<String, byte[]> students,
            Map<String, byte[]> staff) {}

    /** Where each column of the binding is in the file's header; -1 for a column the file lacks. */
    private static final class Columns {
        final int width;
        final int sourcedId;
        final int status;
        final int modified;
        final int classId;
        final int school;
        final int user;
        final int role;
        final int primary;
        final int begin;
        final int end;
        final int weight;

        Columns(List<String> header) {
            width = header.size();
            sourcedId = header.indexOf("sourcedId");
            status = header.indexOf("status");
            modified = header.indexOf("dateLastModified");
            classId = header.indexOf("classSourcedId");
            school = header.indexOf("schoolSourcedId");
            user = header.indexOf("userSourcedId");
            role = header.indexOf("role");
            primary = header.indexOf("primary");
            begin = header.indexOf("beginDate");
            end = header.indexOf("endDate");
            weight = header.indexOf("metadata.cadre.instructionalWeight");
        }
    }

    /** Reads, checks and sends the rows; the students' to the enrollment COPY, the teachers' kept for their own. */
    private final class Rows {
        private final CsvCopy csv;
        private final Columns at;
        private final People people;
        private final ByteArrayOutputStream teachers = new ByteArrayOutputStream(1 << 16);
        private long[] hashes = new long[1 << 16];
        private int hashed;
        private final Set<String> dates = new HashSet<>();
        private final Set<String> times = new HashSet<>();
        private long students;
        private long teachersWritten;
        /**
         * The last class, school and dates read and found good: a file lists a class's enrollments one after
         * another, with the same school and dates.
         */
        private final Last lastClass = new Last();

        private final Last lastSchool = new Last();
        private final Last lastBegin = new Last();
        private final Last lastEnd = new Last();
        private byte[] classId;

        Rows(CsvCopy csv, Columns at, People people) {
            this.csv = csv;
            this.at = at;
            this.people = people;
        }

        /** @return null when every row went, or why one could not */
        String send(CopyIn out) throws IOException, SQLException, CsvFile.Unreadable {
            var buffer = new byte[FLUSH_AT + (1 << 12)];
            int length = 0;
            var teacherRow = new byte[1 << 10];
            for (long line = csv.next(); line >= 0; line = csv.next()) {
                if (csv.fields() != at.width || !csv.plain()) {
                    return "line " + line + " is not plain ASCII with every field";
                }
                if (csv.blank(at.sourcedId)) {
                    return "line " + line + " has no sourcedId";
                }
                hash(at.sourcedId);
                if (at.status >= 0 && !csv.blank(at.status) && !csv.is(at.status, "active")) {
                    return "line " + line + " is not active";
                }
                if (at.modified >= 0 && !csv.blank(at.modified) && !time(csv.text(at.modified))) {
                    return "line " + line + " has a dateLastModified to check";
                }
                boolean student = csv.is(at.role, "student");
                if (!student && !csv.is(at.role, "teacher")) {
                    return "line " + line + " is neither a student's nor a teacher's";
                }
                if (csv.blank(at.classId) || csv.blank(at.school) || csv.blank(at.user)) {
                    return "line " + line + " lacks a class, school or user";
                }
                if (!lastClass.holds(at.classId)) {
                    var id = people.classes().get(csv.text(at.classId));
                    if (id == null) {
                        return "line " + line + " names a class not in Cadre";
                    }
                    lastClass.keep(at.classId);
                    classId = id;
                }
                if (!lastSchool.holds(at.school)) {
                    if (!people.schools().contains(csv.text(at.school))) {
                        return "line " + line + " names an unknown school";
                    }
                    lastSchool.keep(at.school);
                }
                var person = (student ? people.students() : people.staff()).get(csv.text(at.user));
                if (person == null) {
                    return "line " + line + " names a user who is not a " + (student ? "student" : "staff member");
                }
                if (at.primary >= 0
                        && !csv.blank(at.primary)
                        && !csv.is(at.primary, "true")
                        && !csv.is(at.primary, "false")) {
                    return "line " + line + " has a primary to check";
                }
                boolean hasBegin = at.begin >= 0 && !csv.blank(at.begin);
                boolean hasEnd = at.end >= 0 && !csv.blank(at.end);
                if ((hasBegin && !date(at.begin, lastBegin)) || (hasEnd && !date(at.end, lastEnd))) {
                    return "line " + line + " has a date to check";
                }
                if (hasBegin
                        && hasEnd
                        && Arrays.compare(
                                        csv.bytes(),
                                        csv.start(at.end),
                                        csv.end(at.end),
                                        csv.bytes(),
                                        csv.start(at.begin),
                                        csv.end(at.begin))
                                < 0) {
                    return "line " + line + " ends before it begins";
                }
                String weight = null;
                if (at.weight >= 0 && !csv.blank(at.weight)) {
                    weight = weight(csv.text(at.weight));
                    if (weight == null) {
                        return "line " + line + " has an instructional weight to check";
                    }
                }
                if (student) {
                    if (length >= FLUSH_AT) {
                        out.writeToCopy(buffer, 0, length);
                        length = 0;
                    }
                    length = row(buffer, length, classId, person, hasBegin, hasEnd);
                    students++;
                } else {
                    int n = row(teacherRow, 0, classId, person, hasBegin, hasEnd);
                    // After the two dates: instructional_weight, is_primary.
                    teachers.write(teacherRow, 0, n - 1);
                    teachers.write('\t');
                    teachers.writeBytes((weight == null ? "1.0" : weight).getBytes(StandardCharsets.US_ASCII));
                    teachers.write('\t');
                    teachers.write(at.primary >= 0 && csv.is(at.primary, "false") ? 'f' : 't');
                    teachers.write('\n');
                    teachersWritten++;
                }
                if (csv.records() % 10_000 == 0) {
                    progress.validated(rowsBefore + csv.records());
                }
            }
            if (length > 0) {
                out.writeToCopy(buffer, 0, length);
            }
            progress.validated(rowsBefore + csv.records());
            return null;
        }

        /** A COPY text row: class, person, begin and end dates (\N when blank), and a line feed. */
        private int row(byte[] out, int length, byte[] classId, byte[] person, boolean hasBegin, boolean hasEnd) {
            System.arraycopy(classId, 0, out, length, classId.length);
            length += classId.length;
            out[length++] = '\t';
            System.arraycopy(person, 0, out, length, person.length);
            length += person.length;
            out[length++] = '\t';
            length = hasBegin ? field(out, length, at.begin) : nul(out, length);
            out[length++] = '\t';
            length = hasEnd ? field(out, length, at.end) : nul(out, length);
            out[length++] = '\n';
            return length;
        }

        private int field(byte[] out, int length, int field) {
            int start = csv.start(field);
            int n = csv.end(field) - start;
            System.arraycopy(csv.bytes(), start, out, length, n);
            return length + n;
        }

        private static int nul(byte[] out, int length) {
            out[length++] = '\\';
            out[length++] = 'N';
            return length;
        }

        /**
         * A date the checks accept (written YYYY-MM-DD, a month and day that can exist): the pattern here, and
         * PostgreSQL's own reading when COPY stores it (February 30th fails the COPY, and this way with it).
         */
        private boolean date(int field, Last last) {
            if (last.holds(field)) {
                return true;
            }
            var text = csv.text(field);
            if (!dates.contains(text)) {
                if (!DATE.matcher(text).matches()) {
                    return false;
                }
                dates.add(text);
            }
            last.keep(field);
            return true;
        }

        private boolean time(String text) {
            if (times.contains(text)) {
                return true;
            }
            if (times.size() == MAX_TIMES || !DATE_TIME.matcher(text).matches()) {
                return false;
            }
            times.add(text);
            return true;
        }

        /** The weight as the checks accept it (a number from 0.1 to 1) in plain digits, or null. */
        private static String weight(String text) {
            if (!NUMBER.matcher(text).matches()) {
                return null;
            }
            var value = new BigDecimal(text);
            if (value.compareTo(LEAST_WEIGHT) < 0 || value.compareTo(BigDecimal.ONE) > 0) {
                return null;
            }
            return value.toPlainString();
        }

        /** The bytes of a field of an earlier row. */
        private final class Last {
            private byte[] bytes = new byte[64];
            private int length = -1;

            /** Whether the field of the current row has the same bytes. */
            boolean holds(int field) {
                int start = csv.start(field);
                return length >= 0 && Arrays.equals(csv.bytes(), start, csv.end(field), bytes, 0, length);
            }

            void keep(int field) {
                int start = csv.start(field);
                length = csv.end(field) - start;
                if (bytes.length < length) {
                    bytes = new byte[length];
                }
                System.arraycopy(csv.bytes(), start, bytes, 0, length);
            }
        }

        /** Keeps a 64-bit hash of the field's bytes (FNV-1a, then mixed), to find a repeated sourcedId. */
        private void hash(int field) {
            long h = 0xcbf29ce484222325L;
            var bytes = csv.bytes();
            for (int i = csv.start(field), end = csv.end(field); i < end; i++) {
                h = (h ^ bytes[i]) * 0x100000001b3L;
            }
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            if (hashed == hashes.length) {
                hashes = Arrays.copyOf(hashes, hashed * 2);
            }
            hashes[hashed++] = h;
        }

        /**
         * Whether two rows have the same sourcedId's hash: a repeated sourcedId, or (rarely) two with one hash; either
         * way the general way decides, and names the rows.
         */
        String duplicate() {
            Arrays.parallelSort(hashes, 0, hashed);
            for (int i = 1; i < hashed; i++) {
                if (hashes[i] == hashes[i - 1]) {
                    return "two sourcedIds have the same hash";
                }
            }
            return null;
        }

        /** Whether a dateLastModified is no time PostgreSQL can read, as the value checks ask it. */
        String badTime(JdbcClient jdbc) {
            if (times.isEmpty()) {
                return null;
            }
            boolean bad = jdbc.sql("""
                            select exists (select 1 from unnest(string_to_array(?, E'\\n')) v
                                           where not pg_input_is_valid(v, 'timestamptz'))
                            """)
                    .param(String.join("\n", times))
                    .query(Boolean.class)
                    .single();
            return bad ? "a dateLastModified is no time" : null;
        }
    }
}
