package org.cadre.organization.roster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The enrollments of a bulk file going into empty enrollment tables — the first import into a new Cadre, millions of
 * rows where every other file has thousands — read once and written once. A thread of their own reads and checks
 * the rows while PostgreSQL stages, checks and writes the rest of the package (until then one core sat idle); once
 * the classes and people are written, each row's class and user are looked up among them in memory and the rows go
 * by COPY straight into the tables, whose keys are then built in one sort each ({@link RosterWriter.Keys}). The
 * general way stages the file, checks it with a dozen statements over its millions of rows and joins them again to
 * insert them.
 *
 * <p>This way only takes a file it can prove correct by the same rules: a row it cannot vouch for — any value the
 * checks would report, a row's warning included (another role than student or teacher), a tobedeleted row, a
 * duplicate — makes it give the file up, before writing or by rolling back to where it began, and the general way
 * reads it and names every problem with its line. So it reports no issue of its own (only the header's warnings,
 * as the general way does), and a package's report does not depend on which way read it.
 *
 * <p>It holds about 30 bytes per row (each row's class, user, dates and flags as numbers, and a hash of its
 * sourcedId, sorted at the end to find a duplicate) and the distinct sourcedIds; {@link #begin} keeps it to files
 * that fit a quarter of the heap, so the 1 GiB of a state-sized import stays with the general way.
 */
final class StreamedEnrollments implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamedEnrollments.class);

    private static final OneRosterFile FILE = OneRosterFile.ENROLLMENTS;
    private static final Pattern DATE = Pattern.compile(ValueChecks.DATE_PATTERN);
    private static final Pattern DATE_TIME = Pattern.compile(ValueChecks.DATE_TIME_PATTERN);
    private static final Pattern NUMBER = Pattern.compile(ValueChecks.NUMBER_PATTERN);
    private static final BigDecimal LEAST_WEIGHT = new BigDecimal(ValueChecks.LEAST_WEIGHT);
    private static final BigDecimal MOST_WEIGHT = new BigDecimal(ValueChecks.MOST_WEIGHT);
    /** Distinct dateLastModified values kept for one check at the end; a file with more goes the general way. */
    private static final int MAX_TIMES = 10_000;

    private static final int FLUSH_AT = 1 << 20;
    /** How COPY's binary format begins: its signature, then no flags and no header extension follow. */
    private static final byte[] BINARY_SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** 2000-01-01, PostgreSQL's day 0, as Java's epoch day. */
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    private final JdbcClient jdbc;
    private final CopyManager copy;
    private final RosterPackage pack;
    private final ImportReport report;
    private final RosterImports.Progress progress;

    private Thread reader;
    private volatile boolean stopped;
    /** What the reader found; read after joining it. */
    private Read read;

    StreamedEnrollments(
            JdbcClient jdbc,
            CopyManager copy,
            RosterPackage pack,
            ImportReport report,
            RosterImports.Progress progress) {
        this.jdbc = jdbc;
        this.copy = copy;
        this.pack = pack;
        this.report = report;
        this.progress = progress;
    }

    /**
     * Starts reading the bulk enrollments file on a thread of its own, if this way may take it: both enrollment tables
     * are empty (nothing can be updated or leave them), and the file is at most a quarter of the heap.
     *
     * @return whether it started; if not, the file is staged with the others
     */
    boolean begin() {
        long bytes = pack.declaredBytes(FILE.fileName());
        boolean applies = bytes >= 0
                && bytes <= Runtime.getRuntime().maxMemory() / 4
                && RosterWriter.empty(jdbc, "organization.enrollment")
                && RosterWriter.empty(jdbc, "organization.teacher_of_record");
        if (applies) {
            reader = Thread.ofPlatform().name("roster-enrollments").daemon().start(() -> read = read());
        }
        return applies;
    }

    /**
     * Writes the rows read, once everything else of the package is written, inside a savepoint of the import's
     * transaction.
     *
     * @param rowsBefore the rows of the other files, for the progress
     * @return whether the enrollments were written; if not, nothing of them was, and the general way must read them
     */
    boolean load(long rowsBefore) {
        long started = System.nanoTime();
        var rows = finishReading();
        long waited = System.nanoTime();
        progress.validated(rowsBefore + rows.records);
        var refused = rows.refused;
        if (refused == null) {
            // The progress bar's whole: the other files' rows, written by now, and these.
            progress.writing(rowsBefore + rows.records);
            jdbc.sql("savepoint roster_streamed").update();
            try {
                refused = write(rows, rowsBefore);
            } catch (IOException | SQLException | DataAccessException e) {
                refused = e.getMessage();
            }
            if (refused != null) {
                jdbc.sql("rollback to savepoint roster_streamed").update();
            }
            jdbc.sql("release savepoint roster_streamed").update();
        }
        log.info(
                "Roster package {}: {} enrollments {} ({} s waiting for the reading, {} s writing)",
                pack.name(),
                rows.records,
                refused == null ? "streamed into the roster" : "left to the full checks (" + refused + ")",
                RosterImports.seconds(waited - started),
                RosterImports.seconds(System.nanoTime() - waited));
        return refused == null;
    }

    /** Stops the reading, if it still runs, and waits for its thread. */
    @Override
    public void close() {
        stopped = true;
        finishReading();
    }

    private Read finishReading() {
        if (reader == null) {
            return Read.refused("not read");
        }
        boolean interrupted = false;
        while (true) {
            try {
                reader.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return read == null ? Read.refused("the reading failed") : read;
    }

    /** The rows of the file as numbers, on the reader's thread; or why this way cannot take the file. */
    private Read read() {
        long started = System.nanoTime();
        var rows = new Read();
        try {
            var in = pack.open(FILE.fileName());
            if (in.isEmpty()) {
                return Read.refused("no file");
            }
            try (var csv = CsvCopy.open(in.get())) {
                if (!PackageStaging.checkHeader(FILE, csv.header(), rows.headerIssues, new HashSet<>())
                        || rows.headerIssues.errors() > 0
                        || rows.headerIssues.warnings()
                                > rows.headerIssues.issues().size()) {
                    return Read.refused("the header has errors");
                }
                var refused = new Reader(csv, new Columns(csv.header()), rows).read();
                rows.records = csv.records();
                if (refused == null) {
                    refused = rows.duplicate();
                }
                if (refused != null) {
                    return Read.refused(refused);
                }
            }
        } catch (IOException | CsvFile.Unreadable | RuntimeException e) {
            return Read.refused(e.getMessage());
        }
        log.debug(
                "enrollments: {} rows read and checked in {} s",
                rows.records,
                RosterImports.seconds(System.nanoTime() - started));
        return rows;
    }

    /** @return null when the enrollments are written, or why this way gave them up */
    private String write(Read rows, long rowsBefore) throws IOException, SQLException {
        long started = System.nanoTime();
        var classIds = ids("select source_id, id from organization.class_section", rows.classes);
        // As the package checks have them: a student or staff member by the kind their roles gave them, or as Cadre
        // has them when the package does not say; a school among the package's orgs or Cadre's campuses.
        var studentIds = ids("""
                select s.source_id, s.id from organization.student s
                left join stg_kind k on k.sourced_id = s.source_id where k.kind is null or k.kind = 'STUDENT'
                """, rows.students);
        var staffIds = ids("""
                select s.source_id, s.id from organization.staff s
                left join stg_kind k on k.sourced_id = s.source_id where k.kind is null or k.kind = 'STAFF'
                """, rows.teachers);
        if (classIds == null || studentIds == null || staffIds == null) {
            return "a row names a class or user that is not in Cadre, or not as that role";
        }
        var schools = new HashSet<>(
                jdbc.sql("select sourced_id from stg_orgs union select source_id from organization.campus")
                        .query(String.class)
                        .list());
        if (!schools.containsAll(rows.schools)) {
            return "a row names a school that is not in Cadre";
        }
        // Dates and times as PostgreSQL reads them, each distinct value once: February 30th matches the pattern.
        if (!valid(rows.dates.names, "date")) {
            return "a date is no date";
        }
        if (!valid(rows.times, "timestamptz")) {
            return "a dateLastModified is no time";
        }
        long resolved = System.nanoTime();
        var enrollmentKeys = RosterWriter.Keys.drop(jdbc, "organization.enrollment");
        var teacherKeys = RosterWriter.Keys.drop(jdbc, "organization.teacher_of_record");
        // Emptied again in this savepoint, so that COPY may write the rows frozen: the key builds and the foreign
        // keys' checks that read them next then find them visible to all, instead of marking 2 million rows so.
        jdbc.sql("truncate organization.enrollment, organization.teacher_of_record")
                .update();
        var dates = ascii(rows.dates.names);
        var days = days(rows.dates.names);
        var weights = ascii(rows.weights.names);
        // Room in the teachers' buffer for a row: two ids, two dates, a weight and the flags.
        int teacherRow =
                96 + Arrays.stream(weights).mapToInt(w -> w.length).max().orElse(0);
        var teachers = new byte[1 << 16];
        int teachersLength = 0;
        long students = 0;
        long teacherRows = 0;
        // The students' rows in COPY's binary format: PostgreSQL reads numbers and dates without parsing text.
        var out = copy.copyIn("copy organization.enrollment (class_id, student_id, begins_on, ends_on)"
                + " from stdin with (format binary, freeze)");
        try {
            var buffer = ByteBuffer.allocate(FLUSH_AT + (1 << 12));
            buffer.put(BINARY_SIGNATURE).putInt(0).putInt(0);
            for (int r = 0; r < rows.count; r++) {
                int at = r * Read.STRIDE;
                int flags = rows.data[at + 4];
                if ((flags & Read.TEACHER) == 0) {
                    buffer.putShort((short) 4);
                    buffer.putInt(8).putLong(classIds[rows.data[at]]);
                    buffer.putInt(8).putLong(studentIds[rows.data[at + 1]]);
                    date(buffer, days, rows.data[at + 2]);
                    date(buffer, days, rows.data[at + 3]);
                    if (buffer.position() >= FLUSH_AT) {
                        out.writeToCopy(buffer.array(), 0, buffer.position());
                        buffer.clear();
                    }
                    students++;
                } else {
                    if (teachers.length - teachersLength < teacherRow) {
                        teachers = Arrays.copyOf(teachers, teachers.length * 2);
                    }
                    teachersLength = row(teachers, teachersLength, classIds, staffIds, dates, rows.data, at);
                    teachers[teachersLength++] = '\t';
                    int weight = flags >>> Read.WEIGHT_SHIFT;
                    var text = weight == 0 ? Read.FULL_WEIGHT : weights[weight - 1];
                    System.arraycopy(text, 0, teachers, teachersLength, text.length);
                    teachersLength += text.length;
                    teachers[teachersLength++] = '\t';
                    teachers[teachersLength++] = (byte) ((flags & Read.NOT_PRIMARY) == 0 ? 't' : 'f');
                    teachers[teachersLength++] = '\n';
                    teacherRows++;
                }
            }
            buffer.putShort((short) -1);
            out.writeToCopy(buffer.array(), 0, buffer.position());
            out.endCopy();
        } finally {
            if (out.isActive()) {
                out.cancelCopy();
            }
        }
        copy.copyIn(
                "copy organization.teacher_of_record (class_id, staff_id, begins_on, ends_on,"
                        + " instructional_weight, is_primary) from stdin with (freeze)",
                new ByteArrayInputStream(teachers, 0, teachersLength));
        long copied = System.nanoTime();
        progress.written(rowsBefore + rows.records);
        enrollmentKeys.build();
        teacherKeys.build();
        log.debug(
                "enrollments: looked up and checked in {} s, {} students' and {} teachers' rows copied in {} s,"
                        + " keys built in {} s",
                RosterImports.seconds(resolved - started),
                students,
                teacherRows,
                RosterImports.seconds(copied - resolved),
                RosterImports.seconds(System.nanoTime() - copied));
        // The header's warnings (columns missing, out of order, unknown), as the general way reports them.
        for (var issue : rows.headerIssues.issues()) {
            report.warning(issue.file(), issue.line(), issue.column(), issue.value(), issue.reason());
        }
        var counts = report.counts(FILE);
        counts.rows += rows.records;
        counts.created += students + teacherRows;
        return null;
    }

    /** A COPY text row without its end: class, person, and the begin and end dates (\N when there is none). */
    private static int row(byte[] out, int length, long[] classIds, long[] people, byte[][] dates, int[] data, int at) {
        length = put(out, length, Long.toString(classIds[data[at]]).getBytes(StandardCharsets.US_ASCII));
        out[length++] = '\t';
        length = put(out, length, Long.toString(people[data[at + 1]]).getBytes(StandardCharsets.US_ASCII));
        out[length++] = '\t';
        length = put(out, length, data[at + 2] < 0 ? Read.NONE : dates[data[at + 2]]);
        out[length++] = '\t';
        return put(out, length, data[at + 3] < 0 ? Read.NONE : dates[data[at + 3]]);
    }

    private static int put(byte[] out, int length, byte[] bytes) {
        System.arraycopy(bytes, 0, out, length, bytes.length);
        return length + bytes.length;
    }

    /** The id of each of {@code names} among the sourcedIds and ids the query returns; null when one is missing. */
    private long[] ids(String sql, Names names) {
        var ids = new long[names.names.size()];
        int[] found = {0};
        jdbc.sql(sql).withFetchSize(10_000).query(rs -> {
            var index = names.index.get(rs.getString(1));
            if (index != null) {
                ids[index] = rs.getLong(2);
                found[0]++;
            }
        });
        return found[0] == ids.length ? ids : null;
    }

    /** Whether PostgreSQL reads every one of the texts (none holds a line break) as the type. */
    private boolean valid(java.util.Collection<String> texts, String type) {
        return texts.isEmpty()
                || jdbc.sql("""
                                select not exists (select 1 from unnest(string_to_array(?, E'\\n')) v
                                                   where not pg_input_is_valid(v, ?))
                                """)
                        .params(String.join("\n", texts), type)
                        .query(Boolean.class)
                        .single();
    }

    /** A date field in COPY's binary format: days since 2000-01-01, or NULL for -1. */
    private static void date(ByteBuffer buffer, int[] days, int date) {
        if (date < 0) {
            buffer.putInt(-1);
        } else {
            buffer.putInt(4).putInt(days[date]);
        }
    }

    /** Each date as PostgreSQL counts it: days since 2000-01-01. The dates are checked valid by then. */
    private static int[] days(List<String> dates) {
        var days = new int[dates.size()];
        for (int i = 0; i < days.length; i++) {
            days[i] = (int) (LocalDate.parse(dates.get(i)).toEpochDay() - POSTGRES_EPOCH_DAY);
        }
        return days;
    }

    private static byte[][] ascii(List<String> texts) {
        var bytes = new byte[texts.size()][];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = texts.get(i).getBytes(StandardCharsets.US_ASCII);
        }
        return bytes;
    }

    /** Distinct texts, each numbered in the order first seen. */
    private static final class Names {
        final Map<String, Integer> index = new HashMap<>();
        final List<String> names = new ArrayList<>();

        int index(String name) {
            var known = index.get(name);
            if (known != null) {
                return known;
            }
            index.put(name, names.size());
            names.add(name);
            return names.size() - 1;
        }
    }

    /** The rows read: per row its class, user, begin date, end date (-1 for none) and flags, as numbers. */
    private static final class Read {
        static final int STRIDE = 5;
        static final int TEACHER = 1;
        static final int NOT_PRIMARY = 2;
        /** The flags' bits from here on hold the weight's number among {@link #weights}, plus one; 0 for none. */
        static final int WEIGHT_SHIFT = 2;

        static final byte[] NONE = {'\\', 'N'};
        static final byte[] FULL_WEIGHT = {'1', '.', '0'};

        final ImportReport headerIssues = new ImportReport(1000);
        final Names classes = new Names();
        final Names students = new Names();
        final Names teachers = new Names();
        final Names dates = new Names();
        final Names weights = new Names();
        final Set<String> schools = new HashSet<>();
        final Set<String> times = new HashSet<>();
        int[] data = new int[STRIDE << 16];
        int count;
        long[] hashes = new long[1 << 16];
        long records;
        String refused;

        static Read refused(String why) {
            var read = new Read();
            read.refused = why;
            read.data = new int[0];
            read.hashes = new long[0];
            return read;
        }

        void add(int classIndex, int user, int begin, int end, int flags, long hash) {
            if ((count + 1) * STRIDE > data.length) {
                data = Arrays.copyOf(data, data.length * 2);
                hashes = Arrays.copyOf(hashes, hashes.length * 2);
            }
            int at = count * STRIDE;
            data[at] = classIndex;
            data[at + 1] = user;
            data[at + 2] = begin;
            data[at + 3] = end;
            data[at + 4] = flags;
            hashes[count++] = hash;
        }

        /**
         * Whether two rows have the same sourcedId's hash: a repeated sourcedId, or (rarely) two with one hash; either
         * way the general way decides, and names the rows.
         */
        String duplicate() {
            var sorted = Arrays.copyOf(hashes, count);
            Arrays.parallelSort(sorted);
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] == sorted[i - 1]) {
                    return "two sourcedIds have the same hash";
                }
            }
            return null;
        }
    }

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

    /** Reads and checks the rows into a {@link Read}, on the reader's thread. */
    private final class Reader {
        private final CsvCopy csv;
        private final Columns at;
        private final Read rows;
        /**
         * The last class, school and dates read and found good: a file lists a class's enrollments one after
         * another, with the same school and dates.
         */
        private final Last lastClass = new Last();

        private final Last lastSchool = new Last();
        private final Last lastBegin = new Last();
        private final Last lastEnd = new Last();

        Reader(CsvCopy csv, Columns at, Read rows) {
            this.csv = csv;
            this.at = at;
            this.rows = rows;
        }

        /** @return null when every row is one this way can write, or why one is not */
        String read() throws IOException, CsvFile.Unreadable {
            for (long line = csv.next(); line >= 0; line = csv.next()) {
                if (stopped) {
                    return "stopped";
                }
                if (csv.fields() != at.width || !csv.plain()) {
                    return "line " + line + " is not plain ASCII with every field";
                }
                if (csv.blank(at.sourcedId)) {
                    return "line " + line + " has no sourcedId";
                }
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
                int classIndex = lastClass.index(at.classId, rows.classes);
                if (!lastSchool.holds(at.school)) {
                    rows.schools.add(csv.text(at.school));
                    lastSchool.keep(at.school, 0);
                }
                int user = (student ? rows.students : rows.teachers).index(csv.text(at.user));
                int flags = student ? 0 : Read.TEACHER;
                if (at.primary >= 0 && !csv.blank(at.primary)) {
                    if (csv.is(at.primary, "false")) {
                        flags |= Read.NOT_PRIMARY;
                    } else if (!csv.is(at.primary, "true")) {
                        return "line " + line + " has a primary to check";
                    }
                }
                int begin = at.begin >= 0 && !csv.blank(at.begin) ? date(at.begin, lastBegin) : -1;
                int end = at.end >= 0 && !csv.blank(at.end) ? date(at.end, lastEnd) : -1;
                if (begin == -2 || end == -2) {
                    return "line " + line + " has a date to check";
                }
                if (begin >= 0 && end >= 0 && rows.dates.names.get(end).compareTo(rows.dates.names.get(begin)) < 0) {
                    return "line " + line + " ends before it begins";
                }
                if (at.weight >= 0 && !csv.blank(at.weight)) {
                    var weight = weight(csv.text(at.weight));
                    if (weight == null) {
                        return "line " + line + " has an instructional weight to check";
                    }
                    flags |= (rows.weights.index(weight) + 1) << Read.WEIGHT_SHIFT;
                }
                rows.add(classIndex, user, begin, end, flags, hash(at.sourcedId));
            }
            return null;
        }

        /**
         * The number of a date the checks accept (written YYYY-MM-DD, a month and day that can exist), or -2: the
         * pattern here, and PostgreSQL's own reading when COPY stores it (February 30th fails the COPY, and this way
         * with it).
         */
        private int date(int field, Last last) {
            if (last.holds(field)) {
                return last.index;
            }
            var text = csv.text(field);
            var known = rows.dates.index.get(text);
            if (known == null) {
                if (!DATE.matcher(text).matches()) {
                    return -2;
                }
                known = rows.dates.index(text);
            }
            last.keep(field, known);
            return known;
        }

        private boolean time(String text) {
            if (rows.times.contains(text)) {
                return true;
            }
            if (rows.times.size() == MAX_TIMES || !DATE_TIME.matcher(text).matches()) {
                return false;
            }
            rows.times.add(text);
            return true;
        }

        /** The weight as the checks accept it (a number from 0.1 to 1) in plain digits, or null. */
        private static String weight(String text) {
            if (!NUMBER.matcher(text).matches()) {
                return null;
            }
            var value = new BigDecimal(text);
            if (value.compareTo(LEAST_WEIGHT) < 0 || value.compareTo(MOST_WEIGHT) > 0) {
                return null;
            }
            return value.toPlainString();
        }

        /** A 64-bit hash of the field's bytes (FNV-1a, then mixed), to find a repeated sourcedId. */
        private long hash(int field) {
            long h = 0xcbf29ce484222325L;
            var bytes = csv.bytes();
            for (int i = csv.start(field), end = csv.end(field); i < end; i++) {
                h = (h ^ bytes[i]) * 0x100000001b3L;
            }
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            return h ^ (h >>> 33);
        }

        /** The bytes of a field of an earlier row, and the number they were given. */
        private final class Last {
            private byte[] bytes = new byte[64];
            private int length = -1;
            private int index;

            /** Whether the field of the current row has the same bytes. */
            boolean holds(int field) {
                int start = csv.start(field);
                return length >= 0 && Arrays.equals(csv.bytes(), start, csv.end(field), bytes, 0, length);
            }

            /** The field's number among {@code names}, numbered anew if it is new. */
            int index(int field, Names names) {
                if (!holds(field)) {
                    keep(field, names.index(csv.text(field)));
                }
                return index;
            }

            void keep(int field, int number) {
                int start = csv.start(field);
                length = csv.end(field) - start;
                if (bytes.length < length) {
                    bytes = new byte[length];
                }
                System.arraycopy(csv.bytes(), start, bytes, 0, length);
                index = number;
            }
        }
    }
}
