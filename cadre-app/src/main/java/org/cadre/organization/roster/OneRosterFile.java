package org.cadre.organization.roster;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The files of a OneRoster 1.2 CSV package that Cadre reads and writes, with their columns exactly as the
 * 1EdTech OneRoster 1.2 CSV binding lists them (in that order), the columns whose values Cadre needs, and
 * Cadre's own extension columns ({@code metadata.cadre.*}, to the right of the specified ones as the binding
 * allows) that carry what OneRoster has no field for.
 */
enum OneRosterFile {
    ORGS(
            "orgs",
            List.of("sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"),
            Set.of("sourcedId", "name", "type"),
            List.of("metadata.cadre.level")),
    ACADEMIC_SESSIONS(
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
                    "schoolYear"),
            Set.of("sourcedId", "title", "type", "startDate", "endDate", "schoolYear"),
            List.of()),
    USERS(
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
                    "pronouns"),
            Set.of("sourcedId", "enabledUser", "givenName", "familyName"),
            List.of("metadata.cadre.payBand", "metadata.cadre.hireDate")),
    ROLES(
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
                    "userProfileSourcedId"),
            Set.of("sourcedId", "userSourcedId", "roleType", "role", "orgSourcedId"),
            List.of()),
    COURSES(
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
                    "subjectCodes"),
            Set.of("sourcedId", "title", "orgSourcedId"),
            List.of("metadata.cadre.tested")),
    CLASSES(
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
                    "periods"),
            Set.of("sourcedId", "title", "courseSourcedId", "classType", "schoolSourcedId", "termSourcedIds"),
            List.of()),
    ENROLLMENTS(
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
                    "endDate"),
            Set.of("sourcedId", "classSourcedId", "schoolSourcedId", "userSourcedId", "role"),
            List.of("metadata.cadre.instructionalWeight"));

    /** The manifest every package starts with. */
    static final String MANIFEST = "manifest.csv";

    /** The files of the binding that Cadre accepts in a package but does not keep. */
    static final Set<String> NOT_KEPT = Set.of(
            "demographics",
            "categories",
            "classResources",
            "courseResources",
            "lineItems",
            "lineItemLearningObjectiveIds",
            "lineItemScoreScales",
            "resources",
            "results",
            "resultLearningObjectiveIds",
            "resultScoreScales",
            "scoreScales",
            "userProfiles",
            "userResources");

    private final String name;
    private final List<String> columns;
    private final Set<String> required;
    private final List<String> extensions;

    OneRosterFile(String name, List<String> columns, Set<String> required, List<String> extensions) {
        this.name = name;
        this.columns = columns;
        this.required = required;
        this.extensions = extensions;
    }

    /** The name the manifest uses, as in {@code file.users}. */
    String manifestName() {
        return name;
    }

    String fileName() {
        return name + ".csv";
    }

    /** The specified columns, in the binding's order. */
    List<String> columns() {
        return columns;
    }

    /** The columns whose values Cadre needs on every row. */
    Set<String> required() {
        return required;
    }

    /** Cadre's extension columns, read when present and written on export. */
    List<String> extensions() {
        return extensions;
    }

    /** Specified columns followed by Cadre's extensions: the header Cadre writes. */
    List<String> header() {
        return java.util.stream.Stream.concat(columns.stream(), extensions.stream())
                .toList();
    }

    static Optional<OneRosterFile> byManifestName(String name) {
        return Arrays.stream(values()).filter(f -> f.name.equals(name)).findFirst();
    }

    static Optional<OneRosterFile> byFileName(String fileName) {
        return Arrays.stream(values())
                .filter(f -> f.fileName().equals(fileName))
                .findFirst();
    }
}
