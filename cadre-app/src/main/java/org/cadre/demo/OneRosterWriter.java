package org.cadre.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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
import org.cadre.organization.OneRosterBinding;
import org.cadre.shared.AccessRole;

/**
 * Writes a generated network as a 1EdTech OneRoster 1.2 CSV bulk package, straight from the generator, so the
 * largest networks can be written without a database. The columns are the CSV binding's, in its order;
 * {@code status} and {@code dateLastModified} stay empty, as bulk files have them.
 *
 * <p>How Cadre's data maps: the network is the {@code district} org, its regions {@code local} orgs, campuses
 * {@code school} orgs under their region. School years are {@code schoolYear} sessions, fall and spring
 * {@code semester}s under them. Every role assignment of every year is a row of roles.csv with the year's dates;
 * roles without a OneRoster equivalent use extension values ({@link #roleOf(AccessRole)}). A class's teachers
 * are teacher enrollments, the first of a co-taught class {@code primary}; instructional weights are not part
 * of OneRoster (co-teachers share a class equally).
 */
final class OneRosterWriter implements NetworkSink, AutoCloseable {

    static final Map<String, List<String>> HEADERS = headers();

    /** The binding's columns from organization, the one list of them; files in the order this writer opens them. */
    private static Map<String, List<String>> headers() {
        var headers = new LinkedHashMap<String, List<String>>();
        for (var file : List.of("academicSessions", "orgs", "courses", "classes", "users", "roles", "enrollments")) {
            headers.put(file + ".csv", OneRosterBinding.columns(file));
        }
        return headers;
    }

    static final List<String> MANIFEST_HEADER = List.of("propertyName", "value");

    /** Every file the 1.2 manifest names, in its order; the ones not listed in {@link #HEADERS} are absent. */
    static final List<String> MANIFEST_FILES = List.of(
            "academicSessions",
            "categories",
            "classes",
            "classResources",
            "courses",
            "courseResources",
            "demographics",
            "enrollments",
            "lineItemLearningObjectiveIds",
            "lineItems",
            "lineItemScoreScales",
            "orgs",
            "resources",
            "resultLearningObjectiveIds",
            "results",
            "resultScoreScales",
            "roles",
            "scoreScales",
            "userProfiles",
            "userResources",
            "users");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private final Path directory;
    private final String systemCode;
    private final Map<String, CSVPrinter> printers = new LinkedHashMap<>();
    private long roles;
    private long enrollments;

    /** Writes a generated network into a directory, or into a zip file when the path ends with {@code .zip}. */
    static NetworkTally write(DemoNetworkGenerator generator, Path target) throws IOException {
        boolean zip = target.getFileName().toString().endsWith(".zip");
        var directory = zip ? Files.createTempDirectory("cadre-roster") : target;
        var tally = new NetworkTally();
        try (var writer =
                new OneRosterWriter(directory, "cadre-demo-" + generator.size().label() + "-" + generator.seed())) {
            generator.generate(writer.andThen(tally));
        }
        if (zip) {
            zip(directory, target);
        }
        return tally;
    }

    OneRosterWriter(Path directory, String systemCode) throws IOException {
        this.directory = directory;
        this.systemCode = systemCode;
        Files.createDirectories(directory);
        for (var file : HEADERS.entrySet()) {
            var printer =
                    FORMAT.print(Files.newBufferedWriter(directory.resolve(file.getKey()), StandardCharsets.UTF_8));
            printer.printRecord(file.getValue());
            printers.put(file.getKey(), printer);
        }
    }

    /** The OneRoster 1.2 role for a Cadre role; extension values ({@code ext:}) where OneRoster has none. */
    static String roleOf(AccessRole role) {
        return switch (role) {
            case TEACHER -> "teacher";
            case CAMPUS_ADMIN -> "principal";
            case DISTRICT_ADMIN -> "districtAdministrator";
            case APPRAISER -> "ext:appraiser";
            case COACH -> "ext:coach";
            case ASSESSOR -> "ext:assessor";
            case PLC_LEADER -> "ext:plcLeader";
            case MENTOR_TEACHER -> "ext:mentorTeacher";
            case HR -> "ext:hr";
        };
    }

    @Override
    public void network(Network network) {
        print("orgs.csv", network.sourceId(), "", "", network.name(), "district", "", "");
    }

    @Override
    public void region(Region region) {
        print(
                "orgs.csv",
                region.sourceId(),
                "",
                "",
                region.name(),
                "local",
                "",
                DemoNetworkGenerator.NETWORK_SOURCE_ID);
    }

    @Override
    public void campus(Campus campus) {
        print(
                "orgs.csv",
                campus.sourceId(),
                "",
                "",
                campus.name(),
                "school",
                campus.campusNumber(),
                campus.region().sourceId());
    }

    @Override
    public void schoolYear(SchoolYear year) {
        print(
                "academicSessions.csv",
                year.sourceId(),
                "",
                "",
                year.name(),
                "schoolYear",
                year.beginsOn(),
                year.endsOn(),
                "",
                year.endYear());
    }

    @Override
    public void term(Term term) {
        print(
                "academicSessions.csv",
                term.sourceId(),
                "",
                "",
                term.name(),
                "semester",
                term.beginsOn(),
                term.endsOn(),
                term.year().sourceId(),
                term.year().endYear());
    }

    @Override
    public void course(Course course) {
        print(
                "courses.csv",
                course.sourceId(),
                "",
                "",
                course.year().sourceId(),
                course.title(),
                course.code(),
                course.gradeLevel(),
                DemoNetworkGenerator.NETWORK_SOURCE_ID,
                course.subject(),
                "");
    }

    @Override
    public void staff(Staff staff) {
        print(
                "users.csv",
                staff.sourceId(),
                "",
                "",
                staff.active(),
                staff.email(),
                "",
                staff.givenName(),
                staff.familyName(),
                "",
                staff.employeeId(),
                staff.email(),
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                staff.primaryOrgSourceId(),
                "");
    }

    @Override
    public void roleAssignment(RoleAssignment assignment) {
        print(
                "roles.csv",
                String.format("role-%08d", ++roles),
                "",
                "",
                assignment.staff().sourceId(),
                assignment.primary() ? "primary" : "secondary",
                roleOf(assignment.role()),
                assignment.year().beginsOn(),
                assignment.year().endsOn(),
                assignment.campus() == null
                        ? DemoNetworkGenerator.NETWORK_SOURCE_ID
                        : assignment.campus().sourceId(),
                "");
    }

    @Override
    public void student(Student student) {
        print(
                "users.csv",
                student.sourceId(),
                "",
                "",
                student.active(),
                student.studentNumber(),
                "",
                student.givenName(),
                student.familyName(),
                "",
                student.studentNumber(),
                "",
                "",
                "",
                "",
                student.gradeLevel(),
                "",
                "",
                "",
                "",
                "",
                "",
                student.campus().sourceId(),
                "");
        print(
                "roles.csv",
                String.format("role-%08d", ++roles),
                "",
                "",
                student.sourceId(),
                "primary",
                "student",
                student.firstDay(),
                student.lastDay(),
                student.campus().sourceId(),
                "");
    }

    @Override
    public void classSection(ClassSection section) {
        print(
                "classes.csv",
                section.sourceId(),
                "",
                "",
                section.title(),
                section.course().gradeLevel(),
                section.course().sourceId(),
                section.course().code(),
                "scheduled",
                "",
                section.campus().sourceId(),
                section.term().sourceId(),
                section.course().subject(),
                "",
                section.period());
    }

    @Override
    public void teacherOfRecord(TeacherOfRecord teacher) {
        print(
                "enrollments.csv",
                String.format("enrollment-%09d", ++enrollments),
                "",
                "",
                teacher.classSection().sourceId(),
                teacher.classSection().campus().sourceId(),
                teacher.staff().sourceId(),
                "teacher",
                teacher.primary(),
                teacher.beginsOn(),
                teacher.endsOn());
    }

    @Override
    public void enrollment(Enrollment enrollment) {
        print(
                "enrollments.csv",
                String.format("enrollment-%09d", ++enrollments),
                "",
                "",
                enrollment.classSection().sourceId(),
                enrollment.classSection().campus().sourceId(),
                enrollment.student().sourceId(),
                "student",
                false,
                enrollment.beginsOn(),
                enrollment.endsOn());
    }

    /** Finishes the data files and writes the manifest. */
    @Override
    public void close() throws IOException {
        for (var printer : printers.values()) {
            printer.close(true);
        }
        try (var manifest =
                FORMAT.print(Files.newBufferedWriter(directory.resolve("manifest.csv"), StandardCharsets.UTF_8))) {
            manifest.printRecord(MANIFEST_HEADER);
            manifest.printRecord("manifest.version", "1.0");
            manifest.printRecord("oneroster.version", "1.2");
            for (var file : MANIFEST_FILES) {
                manifest.printRecord("file." + file, HEADERS.containsKey(file + ".csv") ? "bulk" : "absent");
            }
            manifest.printRecord("source.systemName", "Cadre");
            manifest.printRecord("source.systemCode", systemCode);
        }
    }

    private void print(String file, Object... values) {
        try {
            printers.get(file).printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void zip(Path directory, Path target) throws IOException {
        var files = new ArrayList<String>();
        files.add("manifest.csv");
        files.addAll(HEADERS.keySet());
        var parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (var zip = new ZipOutputStream(Files.newOutputStream(target))) {
            for (var file : files) {
                var entry = new ZipEntry(file);
                entry.setTime(0);
                zip.putNextEntry(entry);
                Files.copy(directory.resolve(file), zip);
                zip.closeEntry();
                Files.delete(directory.resolve(file));
            }
        }
        Files.delete(directory);
    }
}
