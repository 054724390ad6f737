package org.cadre.organization.roster;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small hand-made OneRoster 1.2 packages for the tests, with the binding's headers exactly. Their sourcedIds
 * start with {@code rt-} so they never meet the demo network's; their school year (2019-2020) does not hold
 * today, so importing them never moves the current year.
 */
final class RosterPackages {

    static final String ORGS = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId";
    static final String SESSIONS =
            "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear";
    static final String USERS = "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,"
            + "middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,"
            + "resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns";
    static final String ROLES = "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,"
            + "orgSourcedId,userProfileSourcedId";
    static final String COURSES = "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,"
            + "orgSourcedId,subjects,subjectCodes";
    static final String CLASSES = "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,"
            + "location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods";
    static final String ENROLLMENTS = "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,"
            + "role,primary,beginDate,endDate";

    static final String T = "2026-11-01T00:00:00.000Z";

    /** A delta package that adds one campus, year, term, course, class, teacher and two students. */
    static Map<String, String> valid(String p) {
        var files = new LinkedHashMap<String, String>();
        files.put("manifest.csv", manifest("delta"));
        files.put(
                "orgs.csv",
                ORGS + "\n" + p + "campus,active," + T + ",\"Roster Test School, East\",school,RT1,network\n");
        files.put(
                "academicSessions.csv",
                SESSIONS + "\n"
                        + p + "year,active," + T + "," + p + " 2019-2020,schoolYear,2019-08-01,2020-06-30,,2020\n"
                        + p + "term,active," + T + ",Fall,semester,2019-08-01,2019-12-20," + p + "year,2020\n");
        files.put(
                "users.csv",
                USERS + "\n"
                        + p + "teacher,active," + T + ",true," + p
                        + "t@roster-test.example,,Ana,\"O'Neil \"\"Annie\"\"\",,"
                        + p.toUpperCase() + "E1," + p + "t@roster-test.example,,,,,,,,,,,,\n"
                        + p + "student1,active," + T + ",true,,,Ben,Ng,,S1,,,,,05,,,,,,," + p + "campus,\n"
                        + p + "student2,active," + T + ",true,,,\"Cy\nLine\",Ode,,S2,,,,,04,,,,,,," + p + "campus,\n");
        files.put(
                "roles.csv",
                ROLES + "\n"
                        + p + "r1,active," + T + "," + p + "teacher,primary,teacher,2019-08-01,2020-06-30," + p
                        + "campus,\n"
                        + p + "r2,active," + T + "," + p + "student1,primary,student,,," + p + "campus,\n"
                        + p + "r3,active," + T + "," + p + "student2,primary,student,,," + p + "campus,\n");
        files.put(
                "courses.csv",
                COURSES + "\n" + p + "course,active," + T + "," + p + "year,Science 5,SCI5,05,network,Science,\n");
        files.put(
                "classes.csv",
                CLASSES + "\n"
                        + p + "class,active," + T + ",Science 5 A,05," + p + "course,,scheduled,,"
                        + p + "campus," + p + "term,,,1\n");
        files.put(
                "enrollments.csv",
                ENROLLMENTS + "\n"
                        + p + "e1,active," + T + "," + p + "class," + p + "campus," + p
                        + "teacher,teacher,true,2019-08-01,\n"
                        + p + "e2,active," + T + "," + p + "class," + p + "campus," + p
                        + "student1,student,false,2019-08-01,\n"
                        + p + "e3,active," + T + "," + p + "class," + p + "campus," + p + "student2,student,false,,\n");
        return files;
    }

    static String manifest(String mode) {
        return "propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\n"
                + "file.academicSessions," + mode + "\nfile.categories,absent\nfile.classes," + mode + "\n"
                + "file.classResources,absent\nfile.courses," + mode + "\nfile.courseResources,absent\n"
                + "file.demographics,absent\nfile.enrollments," + mode + "\nfile.lineItems,absent\n"
                + "file.orgs," + mode + "\nfile.resources,absent\nfile.results,absent\nfile.roles," + mode + "\n"
                + "file.users," + mode + "\nsource.systemName,Tests\nsource.systemCode,tests\n";
    }

    static Path write(Path folder, Map<String, String> files) throws IOException {
        return write(folder, files, StandardCharsets.UTF_8);
    }

    static Path write(Path folder, Map<String, String> files, Charset charset) throws IOException {
        Files.createDirectories(folder);
        for (var file : files.entrySet()) {
            Files.writeString(folder.resolve(file.getKey()), file.getValue(), charset);
        }
        return folder;
    }

    private RosterPackages() {}
}
