package org.cadre.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cadre.demo.NetworkRecords.Course;
import org.cadre.demo.NetworkRecords.Level;
import org.cadre.demo.NetworkRecords.SchoolYear;

/**
 * What students take in each grade. Elementary classes are self-contained (a homeroom teacher teaches the four
 * core subjects) with one special per term; middle and high school are departmentalised, with electives chosen
 * one per group. Math and Reading in grades 3-8 and the Texas end-of-course subjects are tested.
 */
final class CourseCatalog {

    /** Who teaches a course in an elementary school: the homeroom teacher, or a specials teacher. */
    static final String HOMEROOM = "HOMEROOM";

    /**
     * @param department which teachers teach it ({@link #HOMEROOM} for the elementary core)
     * @param electiveGroup 0 when every student of the grade takes it; otherwise students take one course of the
     *     group
     */
    record Offering(String code, String title, String subject, String department, boolean tested, int electiveGroup) {}

    private static final String MATH = "Math";
    private static final String READING = "Reading/ELA";
    private static final String SCIENCE = "Science";
    private static final String SOCIAL_STUDIES = "Social Studies";

    static List<Offering> offerings(Level level, int grade) {
        var offerings = new ArrayList<Offering>();
        switch (level) {
            case ELEMENTARY -> {
                var name = grade == 0 ? "Kindergarten " : "Grade " + grade + " ";
                boolean tested = grade >= 3;
                offerings.add(new Offering("MATH", name + "Mathematics", MATH, HOMEROOM, tested, 0));
                offerings.add(new Offering("ELA", name + "Reading Language Arts", READING, HOMEROOM, tested, 0));
                offerings.add(new Offering("SCI", name + "Science", SCIENCE, HOMEROOM, false, 0));
                offerings.add(new Offering("SS", name + "Social Studies", SOCIAL_STUDIES, HOMEROOM, false, 0));
                offerings.add(new Offering("ART", name + "Art", "Art", "ART", false, 1));
                offerings.add(new Offering("MUS", name + "Music", "Music", "MUSIC", false, 1));
                offerings.add(new Offering("PE", name + "Physical Education", "PE", "PE", false, 1));
            }
            case MIDDLE -> {
                var name = "Grade " + grade + " ";
                offerings.add(new Offering("MATH", name + "Mathematics", MATH, "MATH", true, 0));
                offerings.add(new Offering("ELA", name + "English Language Arts and Reading", READING, "ELA", true, 0));
                offerings.add(new Offering("SCI", name + "Science", SCIENCE, "SCIENCE", false, 0));
                var socialStudies = switch (grade) {
                    case 6 -> "Contemporary World Cultures";
                    case 7 -> "Texas History";
                    default -> "U.S. History to 1877";
                };
                offerings.add(new Offering("SS", socialStudies, SOCIAL_STUDIES, "SOCIAL_STUDIES", false, 0));
                offerings.add(new Offering("PE", name + "Physical Education", "PE", "PE", false, 0));
                offerings.add(new Offering("ART", name + "Art", "Art", "ART", false, 1));
                offerings.add(new Offering("MUS", name + "Band", "Music", "MUSIC", false, 1));
            }
            case HIGH -> {
                switch (grade) {
                    case 9 ->
                        core(
                                offerings,
                                "ENG1",
                                "English I",
                                true,
                                "ALG1",
                                "Algebra I",
                                true,
                                "BIO",
                                "Biology",
                                true,
                                "WGEO",
                                "World Geography",
                                false);
                    case 10 ->
                        core(
                                offerings,
                                "ENG2",
                                "English II",
                                true,
                                "GEOM",
                                "Geometry",
                                false,
                                "CHEM",
                                "Chemistry",
                                false,
                                "WHIS",
                                "World History",
                                false);
                    case 11 ->
                        core(
                                offerings,
                                "ENG3",
                                "English III",
                                false,
                                "ALG2",
                                "Algebra II",
                                false,
                                "PHYS",
                                "Physics",
                                false,
                                "USHI",
                                "U.S. History",
                                true);
                    default ->
                        core(
                                offerings,
                                "ENG4",
                                "English IV",
                                false,
                                "PREC",
                                "Precalculus",
                                false,
                                "ENVS",
                                "Environmental Systems",
                                false,
                                "GOVT",
                                "Government and Economics",
                                false);
                }
                offerings.add(new Offering("PE", "Physical Education", "PE", "PE", false, 1));
                offerings.add(new Offering("ART", "Art", "Art", "ART", false, 1));
                offerings.add(new Offering("CHOIR", "Choir", "Music", "MUSIC", false, 2));
                offerings.add(new Offering("SPAN", "Spanish", "World Languages", "LANGUAGES", false, 2));
            }
        }
        return offerings;
    }

    private static void core(
            List<Offering> offerings,
            String englishCode,
            String english,
            boolean englishTested,
            String mathCode,
            String math,
            boolean mathTested,
            String scienceCode,
            String science,
            boolean scienceTested,
            String socialCode,
            String social,
            boolean socialTested) {
        offerings.add(new Offering(englishCode, english, READING, "ELA", englishTested, 0));
        offerings.add(new Offering(mathCode, math, MATH, "MATH", mathTested, 0));
        offerings.add(new Offering(scienceCode, science, SCIENCE, "SCIENCE", scienceTested, 0));
        offerings.add(new Offering(socialCode, social, SOCIAL_STUDIES, "SOCIAL_STUDIES", socialTested, 0));
    }

    private final Map<String, Course> courses = new LinkedHashMap<>();

    /** Builds every year's courses for the grades of the given levels, numbering them from 1. */
    CourseCatalog(List<SchoolYear> years, List<Level> levels) {
        int ordinal = 0;
        for (var year : years) {
            for (var level : levels) {
                for (int grade = level.lowestGrade; grade <= level.highestGrade; grade++) {
                    var gradeCode = NetworkRecords.gradeCode(grade);
                    for (var offering : offerings(level, grade)) {
                        var code = offering.code() + "-" + gradeCode;
                        var course = new Course(
                                ++ordinal,
                                "course-" + year.name() + "-" + code,
                                year,
                                code,
                                offering.title(),
                                offering.subject(),
                                gradeCode,
                                offering.tested());
                        courses.put(key(year, grade, offering), course);
                    }
                }
            }
        }
    }

    List<Course> all() {
        return List.copyOf(courses.values());
    }

    Course course(SchoolYear year, int grade, Offering offering) {
        return courses.get(key(year, grade, offering));
    }

    private static String key(SchoolYear year, int grade, Offering offering) {
        return year.sourceId() + "/" + grade + "/" + offering.code();
    }
}
