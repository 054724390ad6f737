package org.cadre.organization.roster;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cadre.organization.OneRosterBinding;

/**
 * The files of a OneRoster 1.2 CSV package that Cadre reads and writes, with their columns exactly as the
 * 1EdTech OneRoster 1.2 CSV binding lists them (in that order, from {@link OneRosterBinding}), the columns whose
 * values Cadre needs, and
 * Cadre's own extension columns ({@code metadata.cadre.*}, to the right of the specified ones as the binding
 * allows) that carry what OneRoster has no field for.
 */
enum OneRosterFile {
    ORGS(
            "orgs",
            OneRosterBinding.columns("orgs"),
            Set.of("sourcedId", "name", "type"),
            List.of("metadata.cadre.level")),
    ACADEMIC_SESSIONS(
            "academicSessions",
            OneRosterBinding.columns("academicSessions"),
            Set.of("sourcedId", "title", "type", "startDate", "endDate", "schoolYear"),
            List.of()),
    USERS(
            "users",
            OneRosterBinding.columns("users"),
            Set.of("sourcedId", "enabledUser", "givenName", "familyName"),
            List.of("metadata.cadre.payBand", "metadata.cadre.hireDate")),
    ROLES(
            "roles",
            OneRosterBinding.columns("roles"),
            Set.of("sourcedId", "userSourcedId", "roleType", "role", "orgSourcedId"),
            List.of()),
    COURSES(
            "courses",
            OneRosterBinding.columns("courses"),
            Set.of("sourcedId", "title", "orgSourcedId"),
            List.of("metadata.cadre.tested")),
    CLASSES(
            "classes",
            OneRosterBinding.columns("classes"),
            Set.of("sourcedId", "title", "courseSourcedId", "classType", "schoolSourcedId", "termSourcedIds"),
            List.of()),
    ENROLLMENTS(
            "enrollments",
            OneRosterBinding.columns("enrollments"),
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
