package org.cadre.organization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

/**
 * The columns of the OneRoster 1.2 CSV files Cadre reads and writes, exactly as the 1EdTech CSV binding lists
 * them and in its order (see docs/rostering.md for how they were verified). The one list of them: the roster
 * import checks headers against it, and the export and the demo package write it.
 */
public final class OneRosterBinding {

    private static final SequencedMap<String, List<String>> COLUMNS = columns();

    private OneRosterBinding() {}

    /**
     * The binding's columns of a file, by its name in the manifest ({@code users} for {@code users.csv}).
     *
     * @throws IllegalArgumentException for a file Cadre does not read
     */
    public static List<String> columns(String file) {
        var columns = COLUMNS.get(file);
        if (columns == null) {
            throw new IllegalArgumentException("Cadre reads no OneRoster file named " + file);
        }
        return columns;
    }

    private static SequencedMap<String, List<String>> columns() {
        var columns = new LinkedHashMap<String, List<String>>();
        columns.put(
                "orgs",
                List.of("sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"));
        columns.put(
                "academicSessions",
                List.of(
                        "sourcedId",
                        "status",
                        "dateLastModified",
                        "title",
                        "type",
                        "startDate",
                        "endDate",
                        "parentSourcedId",
                        "schoolYear"));
        columns.put(
                "users",
                List.of(
                        "sourcedId",
                        "status",
                        "dateLastModified",
                        "enabledUser",
                        "username",
                        "userIds",
                        "givenName",
                        "familyName",
                        "middleName",
                        "identifier",
                        "email",
                        "sms",
                        "phone",
                        "agentSourcedIds",
                        "grades",
                        "password",
                        "userMasterIdentifier",
                        "resourceSourcedIds",
                        "preferredGivenName",
                        "preferredMiddleName",
                        "preferredFamilyName",
                        "primaryOrgSourcedId",
                        "pronouns"));
        columns.put(
                "roles",
                List.of(
                        "sourcedId",
                        "status",
                        "dateLastModified",
                        "userSourcedId",
                        "roleType",
                        "role",
                        "beginDate",
                        "endDate",
                        "orgSourcedId",
                        "userProfileSourcedId"));
        columns.put(
                "courses",
                List.of(
                        "sourcedId",
                        "status",
                        "dateLastModified",
                        "schoolYearSourcedId",
                        "title",
                        "courseCode",
                        "grades",
                        "orgSourcedId",
                        "subjects",
                        "subjectCodes"));
        columns.put(
                "classes",
                List.of(
                        "sourcedId",
                        "status",
                        "dateLastModified",
                        "title",
                        "grades",
                        "courseSourcedId",
                        "classCode",
                        "classType",
                        "location",
                        "schoolSourcedId",
                        "termSourcedIds",
                        "subjects",
                        "subjectCodes",
                        "periods"));
        columns.put(
                "enrollments",
                List.of(
                        "sourcedId",
                        "status",
                        "dateLastModified",
                        "classSourcedId",
                        "schoolSourcedId",
                        "userSourcedId",
                        "role",
                        "primary",
                        "beginDate",
                        "endDate"));
        return java.util.Collections.unmodifiableSequencedMap(columns);
    }
}
