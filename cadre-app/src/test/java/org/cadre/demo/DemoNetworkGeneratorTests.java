package org.cadre.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cadre.demo.NetworkRecords.Campus;
import org.cadre.demo.NetworkRecords.ClassSection;
import org.cadre.demo.NetworkRecords.Course;
import org.cadre.demo.NetworkRecords.Enrollment;
import org.cadre.demo.NetworkRecords.Level;
import org.cadre.demo.NetworkRecords.Network;
import org.cadre.demo.NetworkRecords.Region;
import org.cadre.demo.NetworkRecords.RoleAssignment;
import org.cadre.demo.NetworkRecords.SchoolYear;
import org.cadre.demo.NetworkRecords.Staff;
import org.cadre.demo.NetworkRecords.Student;
import org.cadre.demo.NetworkRecords.TeacherOfRecord;
import org.cadre.demo.NetworkRecords.Term;
import org.cadre.shared.AccessRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generator makes the network the sizes promise, and the same one every time for the same seed. */
class DemoNetworkGeneratorTests {

    private static Collected small;

    @BeforeAll
    static void generateSmall() {
        small = new Collected();
        new DemoNetworkGenerator(NetworkSize.SMALL, 2026).generate(small);
    }

    @Test
    void theSameSeedGivesTheSameNetworkRowForRow() {
        assertThat(fingerprint(NetworkSize.SMALL, 2026)).isEqualTo(fingerprint(NetworkSize.SMALL, 2026));
    }

    /**
     * Pinned, so that a change that makes the network depend on the run (hash order, the clock) fails here rather
     * than in someone's benchmark. When the generator changes on purpose, update the value and the figures in
     * docs/demo-network.md.
     */
    @Test
    void theSmallNetworkOfSeed2026IsTheOneItAlwaysWas() {
        assertThat(fingerprint(NetworkSize.SMALL, 2026))
                .isEqualTo("26298b00060b8300975457db5f44a4a5bb93ba2c667d0ebe137e14fcccb93eba");
    }

    @Test
    void anotherSeedGivesAnotherNetwork() {
        assertThat(fingerprint(NetworkSize.SMALL, 2027)).isNotEqualTo(fingerprint(NetworkSize.SMALL, 2026));
    }

    @Test
    void theSmallNetworkHasThreeCampusesOfEachLevelAboutSixtyStaffAndSixHundredStudents() {
        assertThat(small.campuses).hasSize(3);
        assertThat(small.campuses)
                .extracting(Campus::level)
                .containsExactly(Level.ELEMENTARY, Level.MIDDLE, Level.HIGH);
        assertThat(small.years).hasSize(2);
        assertThat(small.staff.stream().filter(Staff::active).count()).isBetween(50L, 75L);
        assertThat(small.students.stream().filter(Student::active).count()).isBetween(540L, 660L);
        assertThat(small.enrollments).isBetween(8_000L, 20_000L);
    }

    @Test
    void theDemoNetworkHasEightCampusesAboutFourHundredStaffAndFiveThousandStudents() {
        var tally = new NetworkTally();
        new DemoNetworkGenerator(NetworkSize.DEMO, 2026).generate(tally);

        assertThat(tally.campuses).isEqualTo(8);
        assertThat(tally.schoolYears).isEqualTo(3);
        assertThat(tally.staff).isBetween(340L, 480L);
        assertThat(tally.activeStudents).isBetween(4_500L, 5_600L);
        assertThat(tally.coTeachers).isPositive();
    }

    @Test
    void theBenchmarkSizesScaleToANetworkAndAState() {
        assertThat(NetworkSize.NETWORK.campuses()).isEqualTo(56);
        assertThat(NetworkSize.NETWORK.years()).isEqualTo(3);
        assertThat((long) NetworkSize.NETWORK.campuses() * NetworkSize.NETWORK.studentsPerCampus())
                .isBetween(55_000L, 65_000L);
        assertThat(NetworkSize.STATE.campuses()).isEqualTo(1_000);
        assertThat((long) NetworkSize.STATE.campuses() * NetworkSize.STATE.studentsPerCampus())
                .isBetween(1_400_000L, 1_600_000L);
        // About 15 students per staff member at the small and demo sizes, which the larger sizes share.
        assertThat((double) small.students.stream().filter(Student::active).count()
                        / small.staff.stream().filter(Staff::active).count())
                .isBetween(8.0, 16.0);
    }

    @Test
    void onlyTheLatestSchoolYearIsCurrentAndItIs2025To2026() {
        assertThat(small.years)
                .filteredOn(SchoolYear::current)
                .extracting(SchoolYear::name)
                .containsExactly("2025-2026");
        assertThat(small.years.getLast().current()).isTrue();
        assertThat(small.terms).hasSize(4);
    }

    @Test
    void studentsAreInTheGradesOfTheirCampus() {
        for (var student : small.students) {
            int grade = student.gradeLevel().equals("KG") ? 0 : Integer.parseInt(student.gradeLevel());
            assertThat(grade)
                    .as(student.toString())
                    .isBetween(
                            student.campus().level().lowestGrade,
                            student.campus().level().highestGrade);
        }
    }

    @Test
    void mathAndReadingInGradesThreeToEightAreTestedAndArtIsNot() {
        var byCode = new HashMap<String, Course>();
        small.courses.stream().filter(c -> c.year().current()).forEach(c -> byCode.put(c.code(), c));
        assertThat(byCode.get("MATH-03").tested()).isTrue();
        assertThat(byCode.get("ELA-08").tested()).isTrue();
        assertThat(byCode.get("MATH-02").tested()).isFalse();
        assertThat(byCode.get("SCI-05").tested()).isFalse();
        assertThat(byCode.get("ART-04").tested()).isFalse();
        assertThat(byCode.get("ALG1-09").tested()).isTrue();
    }

    @Test
    void everyStaffMemberHasExactlyOnePrimaryRoleAndNetworkWideRolesHaveNoCampus() {
        var primaries = new HashMap<Staff, Integer>();
        small.roles.forEach(role -> primaries.merge(role.staff(), role.primary() ? 1 : 0, Integer::sum));
        assertThat(primaries).hasSize(small.staff.size());
        assertThat(primaries.values()).containsOnly(1);
        for (var role : small.roles) {
            assertThat(role.campus() == null)
                    .as(role.toString())
                    .isEqualTo(role.role().networkWide());
        }
        assertThat(small.roles).extracting(RoleAssignment::role).contains(AccessRole.values());
    }

    @Test
    void everyCampusHasAPrincipalAppraisersACoachAndAPlcLeaderInTheCurrentYear() {
        for (var campus : small.campuses) {
            var roles = small.roles.stream()
                    .filter(r -> r.year().current() && campus.equals(r.campus()))
                    .map(RoleAssignment::role)
                    .toList();
            assertThat(roles).as(campus.name()).containsOnlyOnce(AccessRole.CAMPUS_ADMIN);
            assertThat(roles.stream().filter(AccessRole.APPRAISER::equals).count())
                    .isBetween(1L, 3L);
            assertThat(roles).contains(AccessRole.COACH, AccessRole.PLC_LEADER, AccessRole.MENTOR_TEACHER);
        }
    }

    @Test
    void eachDemoAccountIsAStaffMemberWithItsOneRoleInEveryYear() {
        for (var account : DemoAccounts.ALL) {
            var staff = small.staff.stream()
                    .filter(s -> s.email().equals(account.email()))
                    .toList();
            assertThat(staff).as(account.email()).hasSize(1);
            var roles = small.roles.stream()
                    .filter(r -> r.staff().equals(staff.getFirst()))
                    .toList();
            assertThat(roles).extracting(RoleAssignment::role).containsOnly(account.role());
            assertThat(roles).extracting(RoleAssignment::year).containsExactlyElementsOf(small.years);
            assertThat(roles)
                    .extracting(r -> r.campus() == null ? null : r.campus().sourceId())
                    .containsOnly(account.campusSourceId());
        }
    }

    @Test
    void theDemoTeachersTeachSeveralClassesWithStudentsInTheCurrentYear() {
        for (var email : List.of(DemoAccounts.TEACHER, DemoAccounts.TEACHER_2)) {
            var classes = small.teachers.stream()
                    .filter(t -> t.staff().email().equals(email)
                            && t.classSection().term().year().current())
                    .map(TeacherOfRecord::classSection)
                    .toList();
            assertThat(classes).as(email).hasSizeGreaterThanOrEqualTo(6);
            assertThat(classes)
                    .allSatisfy(
                            c -> assertThat(small.studentsIn.getOrDefault(c, 0)).isGreaterThan(5));
        }
    }

    @Test
    void coTaughtClassesShareTheirWeightAndEveryClassHasOnePrimaryTeacher() {
        var teachersByClass = new HashMap<ClassSection, List<TeacherOfRecord>>();
        small.teachers.forEach(t -> teachersByClass
                .computeIfAbsent(t.classSection(), c -> new ArrayList<>())
                .add(t));
        assertThat(teachersByClass).hasSize(small.classes.size());
        assertThat(teachersByClass.values()).anySatisfy(team -> assertThat(team).hasSize(2));
        for (var team : teachersByClass.values()) {
            assertThat(team.stream().filter(TeacherOfRecord::primary)).hasSize(1);
            assertThat(team.stream().map(TeacherOfRecord::instructionalWeight).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo("1.0");
        }
    }

    @Test
    void staffEmailsAndEmployeeIdsAreUnique() {
        assertThat(small.staff).extracting(Staff::email).doesNotHaveDuplicates();
        assertThat(small.staff).extracting(Staff::employeeId).doesNotHaveDuplicates();
        assertThat(small.staff)
                .filteredOn(s -> !s.email().endsWith("@cadre.demo"))
                .allSatisfy(s -> assertThat(s.email()).matches("[a-z]+\\.[a-z]+\\d+@[a-z]+\\.example"));
    }

    @Test
    void enrollmentsLieWithinTheirTerm() {
        var collector = new NetworkSink() {
            int outside;

            @Override
            public void enrollment(Enrollment e) {
                var term = e.classSection().term();
                if (e.beginsOn().isBefore(term.beginsOn())
                        || e.endsOn().isAfter(term.endsOn())
                        || !e.beginsOn().isBefore(e.endsOn())) {
                    outside++;
                }
            }
        };
        new DemoNetworkGenerator(NetworkSize.SMALL, 2026).generate(collector);
        assertThat(collector.outside).isZero();
    }

    /** A SHA-256 over every generated row, in order. */
    static String fingerprint(NetworkSize size, long seed) {
        var digest = sha256();
        new DemoNetworkGenerator(size, seed).generate(new NetworkSink() {
            private void add(Object row) {
                digest.update(Objects.toString(row).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }

            @Override
            public void network(Network row) {
                add(row);
            }

            @Override
            public void region(Region row) {
                add(row);
            }

            @Override
            public void campus(Campus row) {
                add(row);
            }

            @Override
            public void schoolYear(SchoolYear row) {
                add(row);
            }

            @Override
            public void term(Term row) {
                add(row);
            }

            @Override
            public void course(Course row) {
                add(row);
            }

            @Override
            public void staff(Staff row) {
                add(row);
            }

            @Override
            public void roleAssignment(RoleAssignment row) {
                add(row);
            }

            @Override
            public void student(Student row) {
                add(row);
            }

            @Override
            public void classSection(ClassSection row) {
                add(row);
            }

            @Override
            public void teacherOfRecord(TeacherOfRecord row) {
                add(row);
            }

            @Override
            public void enrollment(Enrollment row) {
                add(row);
            }
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps the rows of a small network, except enrollments, which it counts per class. */
    static final class Collected implements NetworkSink {
        final List<Campus> campuses = new ArrayList<>();
        final List<SchoolYear> years = new ArrayList<>();
        final List<Term> terms = new ArrayList<>();
        final List<Course> courses = new ArrayList<>();
        final List<Staff> staff = new ArrayList<>();
        final List<RoleAssignment> roles = new ArrayList<>();
        final List<Student> students = new ArrayList<>();
        final List<ClassSection> classes = new ArrayList<>();
        final List<TeacherOfRecord> teachers = new ArrayList<>();
        final Map<ClassSection, Integer> studentsIn = new HashMap<>();
        long enrollments;

        @Override
        public void campus(Campus campus) {
            campuses.add(campus);
        }

        @Override
        public void schoolYear(SchoolYear year) {
            years.add(year);
        }

        @Override
        public void term(Term term) {
            terms.add(term);
        }

        @Override
        public void course(Course course) {
            courses.add(course);
        }

        @Override
        public void staff(Staff member) {
            staff.add(member);
        }

        @Override
        public void roleAssignment(RoleAssignment assignment) {
            roles.add(assignment);
        }

        @Override
        public void student(Student student) {
            students.add(student);
        }

        @Override
        public void classSection(ClassSection section) {
            classes.add(section);
        }

        @Override
        public void teacherOfRecord(TeacherOfRecord teacher) {
            teachers.add(teacher);
        }

        @Override
        public void enrollment(Enrollment enrollment) {
            enrollments++;
            studentsIn.merge(enrollment.classSection(), 1, Integer::sum);
        }
    }
}
