package org.cadre.demo;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.cadre.demo.CourseCatalog.Offering;
import org.cadre.demo.DemoAccounts.DemoAccount;
import org.cadre.demo.NetworkRecords.Campus;
import org.cadre.demo.NetworkRecords.ClassSection;
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

/**
 * Generates a whole school network from a size and a seed: the same size and seed always give the same network,
 * row for row. Each campus draws from its own random stream, so a campus is planned, written and forgotten
 * before the next one: even the state-sized network never sits in memory at once.
 */
final class DemoNetworkGenerator {

    static final String NETWORK_SOURCE_ID = "network";

    /** The first school year of every network starts in this year; the last one is 2025-2026. */
    private static final int LAST_START_YEAR = 2025;

    private static final Level[] LEVEL_PATTERN = {
        Level.ELEMENTARY, Level.MIDDLE, Level.HIGH, Level.ELEMENTARY,
        Level.ELEMENTARY, Level.MIDDLE, Level.HIGH, Level.ELEMENTARY
    };

    private static final int[] REGIONS_PER_SIZE = {1, 2, 6, 10};

    /** Sections a departmentalised teacher teaches per term; elementary specials teachers teach more. */
    private static final int SECTIONS_PER_TEACHER = 5;

    private static final int SPECIALS_PER_TEACHER = 8;

    private static final double TURNOVER = 0.10;
    private static final double CO_TAUGHT = 0.05;
    private static final double LATE_JOINERS = 0.03;
    private static final double WITHDRAWALS = 0.02;

    private static final BigDecimal FULL = new BigDecimal("1.00");
    private static final BigDecimal HALF = new BigDecimal("0.50");

    private static final LocalDate DEMO_HIRE_DATE = LocalDate.of(2015, 7, 20);

    private final NetworkSize size;
    private final long seed;

    private Network network;
    private List<SchoolYear> years;
    private Map<SchoolYear, List<Term>> terms;
    private CourseCatalog catalog;
    private long staffCount;
    private long studentCount;
    private long classCount;

    DemoNetworkGenerator(NetworkSize size, long seed) {
        this.size = size;
        this.seed = seed;
    }

    NetworkSize size() {
        return size;
    }

    long seed() {
        return seed;
    }

    /** Generates the network into the sink, parents always before the rows that refer to them. */
    void generate(NetworkSink sink) {
        staffCount = 0;
        studentCount = 0;
        classCount = 0;
        var random = random(0);

        var name = NameLists.NETWORKS.get(random.nextInt(NameLists.NETWORKS.size()));
        network = new Network(NETWORK_SOURCE_ID, name.name(), name.domain());
        sink.network(network);

        years = new ArrayList<>();
        terms = new LinkedHashMap<>();
        for (int i = 0; i < size.years(); i++) {
            int start = LAST_START_YEAR - size.years() + 1 + i;
            var yearName = start + "-" + (start + 1);
            var year = new SchoolYear(
                    i + 1,
                    "year-" + yearName,
                    yearName,
                    LocalDate.of(start, 8, 11),
                    LocalDate.of(start + 1, 5, 29),
                    i == size.years() - 1);
            years.add(year);
        }
        years.forEach(sink::schoolYear);
        int termOrdinal = 0;
        for (var year : years) {
            int start = year.beginsOn().getYear();
            var fall = new Term(
                    ++termOrdinal,
                    "term-" + year.name() + "-fall",
                    year,
                    "Fall " + start,
                    year.beginsOn(),
                    LocalDate.of(start, 12, 19));
            var spring = new Term(
                    ++termOrdinal,
                    "term-" + year.name() + "-spring",
                    year,
                    "Spring " + (start + 1),
                    LocalDate.of(start + 1, 1, 6),
                    year.endsOn());
            terms.put(year, List.of(fall, spring));
            sink.term(fall);
            sink.term(spring);
        }

        var campuses = layOutCampuses(random);
        campuses.stream().map(Campus::region).distinct().forEach(sink::region);
        campuses.forEach(sink::campus);

        catalog = new CourseCatalog(
                years, campuses.stream().map(Campus::level).distinct().sorted().toList());
        catalog.all().forEach(sink::course);

        networkStaff(random, sink);
        for (var campus : campuses) {
            new CampusPlan(campus, random(campus.ordinal())).generate(sink);
        }
    }

    /** Where the campuses are: spread over the regions, each at its own place, levels in a fixed pattern. */
    private List<Campus> layOutCampuses(SplittableRandom random) {
        int regionCount = Math.min(NameLists.AREAS.size(), REGIONS_PER_SIZE[size.ordinal()]);
        var areas = new ArrayList<>(NameLists.AREAS);
        shuffle(areas, random);
        areas.subList(regionCount, areas.size()).clear();
        var regions = new ArrayList<Region>();
        var places = new ArrayList<List<String>>();
        for (int i = 0; i < regionCount; i++) {
            var area = areas.get(i);
            regions.add(new Region(i + 1, String.format("region-%02d", i + 1), area.region()));
            var areaPlaces = new ArrayList<>(area.places());
            shuffle(areaPlaces, random);
            var qualified = new ArrayList<String>();
            for (var qualifier : NameLists.QUALIFIERS) {
                for (var place : area.places()) {
                    qualified.add(place + " " + qualifier);
                }
            }
            shuffle(qualified, random);
            areaPlaces.addAll(qualified);
            places.add(areaPlaces);
        }
        var used = new int[regionCount];
        var campuses = new ArrayList<Campus>();
        for (int i = 0; i < size.campuses(); i++) {
            int region = i % regionCount;
            var level = LEVEL_PATTERN[i % LEVEL_PATTERN.length];
            var place = places.get(region).get(used[region]++);
            var campusName = switch (level) {
                case ELEMENTARY -> place + " Elementary";
                case MIDDLE -> place + " Middle School";
                case HIGH -> place + " High School";
            };
            var campusNumber = String.format("%06d%03d", 108807 + i / 899, 101 + i % 899);
            campuses.add(new Campus(
                    i + 1, String.format("campus-%04d", i + 1), campusName, campusNumber, level, regions.get(region)));
        }
        return campuses;
    }

    /** District administrators and HR: network-wide, in every year. */
    private void networkStaff(SplittableRandom random, NetworkSink sink) {
        var people = new ArrayList<Person>();
        for (var demo : DemoAccounts.ALL) {
            if (demo.campusSourceId() == null) {
                people.add(Person.demo(demo, 0, years.size() - 1));
            }
        }
        for (int i = 0; i < size.districtAdmins(); i++) {
            people.add(Person.generated(random, AccessRole.DISTRICT_ADMIN, oldHireDate(random), 0, years.size() - 1));
        }
        for (int i = 0; i < size.hrStaff(); i++) {
            people.add(Person.generated(random, AccessRole.HR, oldHireDate(random), 0, years.size() - 1));
        }
        for (var person : people) {
            var staff = emitStaff(person, null, sink);
            emitRoles(person, staff, null, sink);
        }
    }

    private Staff emitStaff(Person person, Campus campus, NetworkSink sink) {
        long ordinal = ++staffCount;
        var email = person.demo != null
                ? person.demo.email()
                : slug(person.givenName) + "." + slug(person.familyName) + ordinal + "@" + network.domain();
        var staff = new Staff(
                ordinal,
                String.format("staff-%06d", ordinal),
                "E" + (100_000 + ordinal),
                person.givenName,
                person.familyName,
                email,
                payBand(person),
                person.hireDate,
                person.lastYear == years.size() - 1,
                campus == null ? NETWORK_SOURCE_ID : campus.sourceId());
        sink.staff(staff);
        return staff;
    }

    private void emitRoles(Person person, Staff staff, Campus campus, NetworkSink sink) {
        for (int y = person.firstYear; y <= person.lastYear; y++) {
            var year = years.get(y);
            var roleCampus = person.mainRole.networkWide() ? null : campus;
            sink.roleAssignment(new RoleAssignment(staff, year, roleCampus, person.mainRole, y == person.lastYear));
            for (var extra : person.extraRoles.getOrDefault(y, Set.of())) {
                sink.roleAssignment(new RoleAssignment(staff, year, campus, extra, false));
            }
        }
    }

    private String payBand(Person person) {
        return switch (person.mainRole) {
            case CAMPUS_ADMIN, DISTRICT_ADMIN -> "A3";
            case APPRAISER, HR -> "A2";
            case COACH, ASSESSOR -> "A1";
            default -> {
                int experience = years.get(person.lastYear).beginsOn().getYear() - person.hireDate.getYear();
                yield experience < 2
                        ? "T1"
                        : experience < 5 ? "T2" : experience < 10 ? "T3" : experience < 15 ? "T4" : "T5";
            }
        };
    }

    private LocalDate oldHireDate(SplittableRandom random) {
        int year = years.getFirst().beginsOn().getYear() - random.nextInt(0, 20);
        return LocalDate.of(year, 7 + random.nextInt(2), 1 + random.nextInt(28));
    }

    private SplittableRandom random(long stream) {
        long mixed = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L;
        return new SplittableRandom(mixed ^ (mixed >>> 31));
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            var swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }

    private static String slug(String name) {
        var plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "");
        return plain.toLowerCase(Locale.ROOT);
    }

    private static String pick(List<String> names, SplittableRandom random) {
        return names.get(random.nextInt(names.size()));
    }

    /** A member of staff while their campus is planned, before they become a row. */
    private static final class Person {
        final String givenName;
        final String familyName;
        final AccessRole mainRole;
        final LocalDate hireDate;
        final int firstYear;
        int lastYear;
        final DemoAccount demo;
        final Map<Integer, Set<AccessRole>> extraRoles = new HashMap<>();

        private Person(
                String givenName,
                String familyName,
                AccessRole mainRole,
                LocalDate hireDate,
                int firstYear,
                int lastYear,
                DemoAccount demo) {
            this.givenName = givenName;
            this.familyName = familyName;
            this.mainRole = mainRole;
            this.hireDate = hireDate;
            this.firstYear = firstYear;
            this.lastYear = lastYear;
            this.demo = demo;
        }

        static Person generated(
                SplittableRandom random, AccessRole role, LocalDate hireDate, int firstYear, int lastYear) {
            return new Person(
                    pick(NameLists.GIVEN_NAMES, random),
                    pick(NameLists.FAMILY_NAMES, random),
                    role,
                    hireDate,
                    firstYear,
                    lastYear,
                    null);
        }

        static Person demo(DemoAccount account, int firstYear, int lastYear) {
            return new Person(
                    account.givenName(),
                    account.familyName(),
                    account.role(),
                    DEMO_HIRE_DATE,
                    firstYear,
                    lastYear,
                    account);
        }

        boolean activeIn(int year) {
            return firstYear <= year && year <= lastYear;
        }

        void addRole(int year, AccessRole role) {
            extraRoles
                    .computeIfAbsent(year, y -> EnumSet.noneOf(AccessRole.class))
                    .add(role);
        }
    }

    /** A student while their campus is planned; the row exists once the student is written. */
    private static final class Pupil {
        final String givenName;
        final String familyName;
        /** The grade in the last generated year; above the campus's highest grade for a student who has left. */
        final int gradeNow;

        Student row;

        Pupil(String givenName, String familyName, int gradeNow) {
            this.givenName = givenName;
            this.familyName = familyName;
            this.gradeNow = gradeNow;
        }
    }

    /** One class of one year: which course, which students, who teaches it, in which terms. */
    private record Section(
            Offering offering, int grade, String label, List<Pupil> pupils, String department, List<Integer> terms) {}

    /** Plans one campus over all years, then writes it. */
    private final class CampusPlan {

        private final Campus campus;
        private final Level level;
        private final SplittableRandom random;
        private final int current = years.size() - 1;
        private final List<Pupil> pupils = new ArrayList<>();
        private final List<Person> leaders = new ArrayList<>();
        private final Map<String, List<Person>> departments = new LinkedHashMap<>();
        private final List<List<Section>> sectionsByYear = new ArrayList<>();

        CampusPlan(Campus campus, SplittableRandom random) {
            this.campus = campus;
            this.level = campus.level();
            this.random = random;
        }

        void generate(NetworkSink sink) {
            enrolStudents();
            for (int y = 0; y < years.size(); y++) {
                sectionsByYear.add(planSections(y));
            }
            hireLeaders();
            hireTeachers();
            assignTeacherLeadership();

            for (var person : leaders) {
                writePerson(person, sink);
            }
            var teacherRows = new HashMap<Person, Staff>();
            for (var department : departments.values()) {
                for (var person : department) {
                    teacherRows.put(person, writePerson(person, sink));
                }
            }
            writeStudents(sink);
            for (int y = 0; y < years.size(); y++) {
                writeClasses(y, teacherRows, sink);
            }
        }

        private Staff writePerson(Person person, NetworkSink sink) {
            var staff = emitStaff(person, campus, sink);
            emitRoles(person, staff, campus, sink);
            return staff;
        }

        /** Cohorts by their grade in the last year, including those who have moved on from the campus since. */
        private void enrolStudents() {
            double scale = 0.8 + 0.4 * random.nextDouble();
            double perGrade = size.studentsPerCampus() * scale / level.grades();
            for (int grade = level.lowestGrade; grade <= level.highestGrade + current; grade++) {
                int cohort = Math.max(1, (int) Math.round(perGrade * (0.9 + 0.2 * random.nextDouble())));
                for (int i = 0; i < cohort; i++) {
                    pupils.add(new Pupil(
                            pick(NameLists.GIVEN_NAMES, random), pick(NameLists.FAMILY_NAMES, random), grade));
                }
            }
        }

        private int gradeIn(Pupil pupil, int year) {
            return pupil.gradeNow - (current - year);
        }

        private List<Section> planSections(int year) {
            var sections = new ArrayList<Section>();
            for (int grade = level.lowestGrade; grade <= level.highestGrade; grade++) {
                var cohort = new ArrayList<Pupil>();
                for (var pupil : pupils) {
                    if (gradeIn(pupil, year) == grade) {
                        cohort.add(pupil);
                    }
                }
                shuffle(cohort, random);
                var offerings = CourseCatalog.offerings(level, grade);
                if (level == Level.ELEMENTARY) {
                    planHomerooms(grade, cohort, offerings, sections);
                } else {
                    planDepartments(grade, cohort, offerings, sections);
                }
            }
            return sections;
        }

        private void planHomerooms(int grade, List<Pupil> cohort, List<Offering> offerings, List<Section> sections) {
            int homerooms = Math.max(1, Math.ceilDiv(cohort.size(), NetworkSize.CLASS_SIZE));
            var specials =
                    offerings.stream().filter(o -> o.electiveGroup() != 0).toList();
            for (int h = 0; h < homerooms; h++) {
                var members = every(cohort, h, homerooms);
                var label = NetworkRecords.gradeCode(grade) + "-" + (h + 1);
                for (var offering : offerings) {
                    if (offering.electiveGroup() == 0) {
                        sections.add(new Section(
                                offering, grade, label, members, CourseCatalog.HOMEROOM + grade, List.of(0, 1)));
                    }
                }
                for (int term = 0; term < 2; term++) {
                    var special = specials.get((h + term) % specials.size());
                    sections.add(new Section(special, grade, label, members, special.department(), List.of(term)));
                }
            }
        }

        private void planDepartments(int grade, List<Pupil> cohort, List<Offering> offerings, List<Section> sections) {
            var takers = new LinkedHashMap<Offering, List<Pupil>>();
            offerings.forEach(offering -> takers.put(offering, new ArrayList<>()));
            var groups = new LinkedHashMap<Integer, List<Offering>>();
            for (var offering : offerings) {
                groups.computeIfAbsent(offering.electiveGroup(), g -> new ArrayList<>())
                        .add(offering);
            }
            for (var pupil : cohort) {
                for (var group : groups.entrySet()) {
                    if (group.getKey() == 0) {
                        group.getValue()
                                .forEach(offering -> takers.get(offering).add(pupil));
                    } else {
                        var choice = group.getValue()
                                .get(random.nextInt(group.getValue().size()));
                        takers.get(choice).add(pupil);
                    }
                }
            }
            for (var entry : takers.entrySet()) {
                var students = entry.getValue();
                if (students.isEmpty()) {
                    continue;
                }
                shuffle(students, random);
                int count = Math.ceilDiv(students.size(), NetworkSize.CLASS_SIZE);
                for (int s = 0; s < count; s++) {
                    var offering = entry.getKey();
                    sections.add(new Section(
                            offering,
                            grade,
                            "section " + (s + 1),
                            every(students, s, count),
                            offering.department(),
                            List.of(0, 1)));
                }
            }
        }

        /** Principal, assistant principals who appraise, and the instructional coach: all years. */
        private void hireLeaders() {
            int students = (int) pupils.stream()
                    .filter(p -> p.gradeNow <= level.highestGrade)
                    .count();
            int appraisers = Math.min(3, 1 + students / 600);
            int last = years.size() - 1;
            leaders.add(leader(AccessRole.CAMPUS_ADMIN, DemoAccounts.PRINCIPAL, DemoAccounts.PRINCIPAL_2));
            for (int i = 0; i < appraisers; i++) {
                leaders.add(
                        i == 0
                                ? leader(AccessRole.APPRAISER, DemoAccounts.APPRAISER, null)
                                : Person.generated(random, AccessRole.APPRAISER, oldHireDate(random), 0, last));
            }
            var coach = leader(AccessRole.COACH, DemoAccounts.COACH, null);
            if (campus.ordinal() % 2 == 0) {
                for (int y = 0; y <= last; y++) {
                    coach.addRole(y, AccessRole.ASSESSOR);
                }
            }
            leaders.add(coach);
            if (isFirstCampus()) {
                leaders.add(Person.demo(DemoAccounts.byEmail(DemoAccounts.ASSESSOR), 0, last));
            }
        }

        private Person leader(AccessRole role, String onFirstCampus, String onSecondCampus) {
            if (isFirstCampus() && onFirstCampus != null) {
                return Person.demo(DemoAccounts.byEmail(onFirstCampus), 0, years.size() - 1);
            }
            if (isSecondCampus() && onSecondCampus != null) {
                return Person.demo(DemoAccounts.byEmail(onSecondCampus), 0, years.size() - 1);
            }
            return Person.generated(random, role, oldHireDate(random), 0, years.size() - 1);
        }

        private boolean isFirstCampus() {
            return campus.sourceId().equals(DemoAccounts.FIRST_CAMPUS);
        }

        private boolean isSecondCampus() {
            return campus.sourceId().equals(DemoAccounts.SECOND_CAMPUS);
        }

        /**
         * Enough teachers in each department for every year's classes. Each year about one in ten leaves; those
         * who left before the last year are inactive staff with only their earlier years' roles.
         */
        private void hireTeachers() {
            var needs = new LinkedHashMap<String, int[]>();
            for (int y = 0; y < years.size(); y++) {
                var perTerm = new HashMap<String, int[]>();
                for (var section : sectionsByYear.get(y)) {
                    var count = perTerm.computeIfAbsent(section.department(), d -> new int[2]);
                    section.terms().forEach(term -> count[term]++);
                }
                for (var entry : perTerm.entrySet()) {
                    var department = entry.getKey();
                    int sections = Math.max(entry.getValue()[0], entry.getValue()[1]);
                    int need = department.startsWith(CourseCatalog.HOMEROOM)
                            ? sections / 4
                            : Math.ceilDiv(
                                    sections, level == Level.ELEMENTARY ? SPECIALS_PER_TEACHER : SECTIONS_PER_TEACHER);
                    needs.computeIfAbsent(department, d -> new int[years.size()])[y] = need;
                }
            }
            var ordered = new ArrayList<>(needs.keySet());
            ordered.sort(null);
            for (var department : ordered) {
                var need = needs.get(department);
                var members = new ArrayList<Person>();
                for (int y = 0; y < years.size(); y++) {
                    int active = 0;
                    for (var member : members) {
                        if (member.lastYear == y - 1 && member.demo == null && random.nextDouble() < TURNOVER) {
                            continue;
                        }
                        if (member.lastYear == y - 1) {
                            member.lastYear = y;
                        }
                        if (member.activeIn(y)) {
                            active++;
                        }
                    }
                    for (; active < need[y]; active++) {
                        members.add(newTeacher(department, members.isEmpty(), y));
                    }
                }
                departments.put(department, members);
            }
        }

        private Person newTeacher(String department, boolean first, int year) {
            int last = years.size() - 1;
            if (first && year == 0) {
                if (isFirstCampus() && department.equals(CourseCatalog.HOMEROOM + 4)) {
                    return Person.demo(DemoAccounts.byEmail(DemoAccounts.TEACHER), 0, last);
                }
                if (isSecondCampus() && department.equals("MATH")) {
                    return Person.demo(DemoAccounts.byEmail(DemoAccounts.TEACHER_2), 0, last);
                }
            }
            var hired = year == 0
                    ? oldHireDate(random)
                    : LocalDate.of(years.get(year).beginsOn().getYear(), 7, 1 + random.nextInt(28));
            return Person.generated(random, AccessRole.TEACHER, hired, year, year);
        }

        /**
         * PLC leaders: the longest-serving teacher of each team of three or more. Mentor teachers: about one in
         * eight teachers with five or more years in the network. At least one of each per campus and year.
         */
        private void assignTeacherLeadership() {
            for (int y = 0; y < years.size(); y++) {
                int year = y;
                var all = new ArrayList<Person>();
                Person mostSenior = null;
                boolean hasLeader = false;
                for (var members : departments.values()) {
                    var active = members.stream()
                            .filter(p -> p.activeIn(year) && p.demo == null)
                            .toList();
                    all.addAll(active);
                    var senior = active.stream()
                            .min((a, b) -> a.hireDate.compareTo(b.hireDate))
                            .orElse(null);
                    if (senior != null && active.size() >= 3) {
                        senior.addRole(year, AccessRole.PLC_LEADER);
                        hasLeader = true;
                    }
                    if (senior != null && (mostSenior == null || senior.hireDate.isBefore(mostSenior.hireDate))) {
                        mostSenior = senior;
                    }
                }
                if (!hasLeader && mostSenior != null) {
                    mostSenior.addRole(year, AccessRole.PLC_LEADER);
                }
                var cutoff = years.get(year).beginsOn().minusYears(5);
                var veterans =
                        all.stream().filter(p -> p.hireDate.isBefore(cutoff)).toList();
                var pool = veterans.isEmpty() ? all : veterans;
                for (int i = 0; i < pool.size(); i += 8) {
                    pool.get(i).addRole(year, AccessRole.MENTOR_TEACHER);
                }
            }
        }

        private void writeStudents(NetworkSink sink) {
            for (var pupil : pupils) {
                long ordinal = ++studentCount;
                int firstYear = Math.max(0, level.lowestGrade - pupil.gradeNow + current);
                int lastYear = Math.min(current, level.highestGrade - pupil.gradeNow + current);
                pupil.row = new Student(
                        ordinal,
                        String.format("student-%07d", ordinal),
                        String.valueOf(10_000_000 + ordinal),
                        pupil.givenName,
                        pupil.familyName,
                        NetworkRecords.gradeCode(Math.min(pupil.gradeNow, level.highestGrade)),
                        campus,
                        pupil.gradeNow <= level.highestGrade,
                        years.get(firstYear).beginsOn(),
                        years.get(lastYear).endsOn());
                sink.student(pupil.row);
            }
        }

        private void writeClasses(int y, Map<Person, Staff> teacherRows, NetworkSink sink) {
            var year = years.get(y);
            var yearTerms = terms.get(year);
            var fall = yearTerms.get(0);
            var spring = yearTerms.get(1);
            var lateStart = new HashMap<Pupil, LocalDate>();
            var earlyEnd = new HashMap<Pupil, LocalDate>();
            for (var pupil : pupils) {
                int grade = gradeIn(pupil, y);
                if (grade < level.lowestGrade || grade > level.highestGrade) {
                    continue;
                }
                if (random.nextDouble() < LATE_JOINERS) {
                    lateStart.put(pupil, fall.beginsOn().plusDays(7 + random.nextInt(36)));
                }
                if (random.nextDouble() < WITHDRAWALS) {
                    earlyEnd.put(pupil, spring.endsOn().minusDays(10 + random.nextInt(51)));
                }
            }

            var teachersOf = new HashMap<String, List<Person>>();
            var nextTeacher = new HashMap<String, Integer>();
            var periods = new HashMap<Person, Integer>();
            for (var section : sectionsByYear.get(y)) {
                var team = teachersOf.computeIfAbsent(
                        section.department(),
                        d -> departments.get(d).stream()
                                .filter(p -> p.activeIn(y))
                                .toList());
                int index;
                if (section.department().startsWith(CourseCatalog.HOMEROOM)) {
                    index = Integer.parseInt(
                                    section.label().substring(section.label().indexOf('-') + 1))
                            - 1;
                } else {
                    index = nextTeacher.merge(section.department(), 1, Integer::sum) - 1;
                }
                var teacher = team.get(index % team.size());
                Person coTeacher = null;
                if (level != Level.ELEMENTARY && team.size() > 1 && random.nextDouble() < CO_TAUGHT) {
                    coTeacher = team.get((index + 1) % team.size());
                }
                int period = periods.merge(teacher, 1, Integer::sum);
                var course = catalog.course(year, section.grade(), section.offering());
                for (int t : section.terms()) {
                    var term = yearTerms.get(t);
                    long ordinal = ++classCount;
                    var classSection = new ClassSection(
                            ordinal,
                            String.format("class-%08d", ordinal),
                            course,
                            campus,
                            term,
                            section.offering().title() + " (" + section.label() + ")",
                            String.valueOf((period - 1) % 8 + 1));
                    sink.classSection(classSection);
                    var weight = coTeacher == null ? FULL : HALF;
                    sink.teacherOfRecord(new TeacherOfRecord(
                            classSection, teacherRows.get(teacher), weight, true, term.beginsOn(), term.endsOn()));
                    if (coTeacher != null) {
                        sink.teacherOfRecord(new TeacherOfRecord(
                                classSection,
                                teacherRows.get(coTeacher),
                                weight,
                                false,
                                term.beginsOn(),
                                term.endsOn()));
                    }
                    for (var pupil : section.pupils()) {
                        var begins = term == fall ? lateStart.getOrDefault(pupil, term.beginsOn()) : term.beginsOn();
                        var ends = term == spring ? earlyEnd.getOrDefault(pupil, term.endsOn()) : term.endsOn();
                        sink.enrollment(new Enrollment(classSection, pupil.row, begins, ends));
                    }
                }
            }
        }
    }

    private static <T> List<T> every(List<T> list, int offset, int step) {
        var result = new ArrayList<T>();
        for (int i = offset; i < list.size(); i += step) {
            result.add(list.get(i));
        }
        return result;
    }
}
