package org.cadre.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo network as a OneRoster 1.2 CSV package: the binding's files and columns, consistent references. */
class OneRosterWriterTests {

    /** The column headers of the OneRoster 1.2 CSV binding, in its order. */
    private static final Map<String, String> SPEC_HEADERS = Map.of(
            "manifest.csv", "propertyName,value",
            "orgs.csv", "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId",
            "academicSessions.csv",
                    "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear",
            "courses.csv",
                    "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes",
            "classes.csv",
                    "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods",
            "users.csv",
                    "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns",
            "roles.csv",
                    "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId",
            "enrollments.csv",
                    "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate");

    @TempDir
    static Path temp;

    private static Path small;

    @BeforeAll
    static void writeSmall() throws IOException {
        small = temp.resolve("small");
        OneRosterWriter.write(new DemoNetworkGenerator(NetworkSize.SMALL, 2026), small);
    }

    @Test
    void everyFileHasTheHeaderOfTheOneRoster12CsvBinding() throws IOException {
        assertThat(Files.list(small).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrderElementsOf(SPEC_HEADERS.keySet());
        for (var file : SPEC_HEADERS.entrySet()) {
            var firstLine = Files.readAllLines(small.resolve(file.getKey())).getFirst();
            assertThat(firstLine).as(file.getKey()).isEqualTo(file.getValue());
        }
    }

    @Test
    void theManifestDeclaresVersion12AndTheBulkFiles() throws IOException {
        var manifest = records(small.resolve("manifest.csv"));
        var properties = new java.util.HashMap<String, String>();
        manifest.forEach(r -> properties.put(r.get(0), r.get(1)));
        assertThat(properties)
                .containsEntry("manifest.version", "1.0")
                .containsEntry("oneroster.version", "1.2")
                .containsEntry("file.users", "bulk")
                .containsEntry("file.roles", "bulk")
                .containsEntry("file.enrollments", "bulk")
                .containsEntry("file.demographics", "absent")
                .containsEntry("file.userProfiles", "absent");
    }

    @Test
    void everyReferenceInThePackageFindsItsRow() throws IOException {
        var orgs = ids("orgs.csv", 0);
        var sessions = ids("academicSessions.csv", 0);
        var users = ids("users.csv", 0);
        var courses = ids("courses.csv", 0);
        var classes = ids("classes.csv", 0);

        assertThat(column("orgs.csv", 6)).isSubsetOf(union(orgs, Set.of("")));
        assertThat(column("courses.csv", 3)).isSubsetOf(sessions);
        assertThat(column("classes.csv", 5)).isSubsetOf(courses);
        assertThat(column("classes.csv", 9)).isSubsetOf(orgs);
        assertThat(column("classes.csv", 10)).isSubsetOf(sessions);
        assertThat(column("users.csv", 21)).isSubsetOf(orgs);
        assertThat(column("roles.csv", 3)).isEqualTo(users);
        assertThat(column("roles.csv", 8)).isSubsetOf(orgs);
        assertThat(column("enrollments.csv", 3)).isEqualTo(classes);
        assertThat(column("enrollments.csv", 4)).isSubsetOf(orgs);
        assertThat(column("enrollments.csv", 5)).isSubsetOf(users);
        assertThat(ids("roles.csv", 0))
                .hasSize(records(small.resolve("roles.csv")).size());
        assertThat(ids("enrollments.csv", 0))
                .hasSize(records(small.resolve("enrollments.csv")).size());
    }

    @Test
    void everyUserHasExactlyOnePrimaryRoleAndTheDemoAccountsAreThere() throws IOException {
        var primaries = new java.util.HashMap<String, Integer>();
        for (var role : records(small.resolve("roles.csv"))) {
            primaries.merge(role.get("userSourcedId"), role.get("roleType").equals("primary") ? 1 : 0, Integer::sum);
        }
        assertThat(primaries.values()).containsOnly(1);
        assertThat(column("users.csv", 10)).contains(DemoAccounts.PRINCIPAL, DemoAccounts.TEACHER);
        assertThat(column("roles.csv", 5)).contains("teacher", "student", "principal", "districtAdministrator");
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOthers() throws IOException {
        var again = temp.resolve("again");
        var other = temp.resolve("other");
        OneRosterWriter.write(new DemoNetworkGenerator(NetworkSize.SMALL, 2026), again);
        OneRosterWriter.write(new DemoNetworkGenerator(NetworkSize.SMALL, 7), other);
        for (var file : SPEC_HEADERS.keySet()) {
            assertThat(Files.readAllBytes(again.resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readAllBytes(small.resolve(file)));
        }
        assertThat(Files.readAllBytes(other.resolve("users.csv")))
                .isNotEqualTo(Files.readAllBytes(small.resolve("users.csv")));
    }

    @Test
    void aZipTargetGetsTheSameFilesInAZip() throws IOException {
        var zip = temp.resolve("small.zip");
        OneRosterWriter.write(new DemoNetworkGenerator(NetworkSize.SMALL, 2026), zip);
        try (var file = new ZipFile(zip.toFile())) {
            assertThat(file.stream().map(java.util.zip.ZipEntry::getName))
                    .containsExactlyInAnyOrderElementsOf(SPEC_HEADERS.keySet());
            try (var users = file.getInputStream(file.getEntry("users.csv"))) {
                assertThat(users.readAllBytes()).isEqualTo(Files.readAllBytes(small.resolve("users.csv")));
            }
        }
    }

    private static Set<String> ids(String file, int column) throws IOException {
        return column(file, column);
    }

    private static Set<String> column(String file, int column) throws IOException {
        var values = new HashSet<String>();
        for (var record : records(small.resolve(file))) {
            values.add(record.get(column));
        }
        return values;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var union = new HashSet<>(a);
        union.addAll(b);
        return union;
    }

    private static List<CSVRecord> records(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)
                    .getRecords();
        }
    }
}
