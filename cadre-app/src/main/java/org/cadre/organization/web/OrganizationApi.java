package org.cadre.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Validator;
import java.util.List;
import org.cadre.organization.Campus;
import org.cadre.organization.ClassRoster;
import org.cadre.organization.ClassSummary;
import org.cadre.organization.Directory;
import org.cadre.organization.PeopleQuery;
import org.cadre.organization.SchoolYear;
import org.cadre.organization.SchoolYears;
import org.cadre.organization.StaffChange;
import org.cadre.organization.StaffProfile;
import org.cadre.organization.StaffRecords;
import org.cadre.organization.StaffSummary;
import org.cadre.shared.AccessRole;
import org.cadre.shared.CurrentUsers;
import org.cadre.shared.ForbiddenException;
import org.cadre.shared.InvalidInputException;
import org.cadre.shared.NotFoundException;
import org.cadre.shared.PageRequest;
import org.cadre.shared.PageResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The organisation through the REST API, with the same access rules as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organization", description = "Campuses, school years, staff and classes")
class OrganizationApi {

    private final Directory directory;
    private final SchoolYears schoolYears;
    private final StaffRecords staffRecords;
    private final Validator validator;

    OrganizationApi(Directory directory, SchoolYears schoolYears, StaffRecords staffRecords, Validator validator) {
        this.directory = directory;
        this.schoolYears = schoolYears;
        this.staffRecords = staffRecords;
        this.validator = validator;
    }

    @GetMapping("/campuses")
    @Operation(summary = "All campuses of the network")
    List<Campus> campuses() {
        return directory.campuses();
    }

    @GetMapping("/campuses/{id}")
    @Operation(summary = "One campus")
    Campus campus(@PathVariable long id) {
        return directory.campus(id).orElseThrow(() -> new NotFoundException("Campus", id));
    }

    @GetMapping("/school-years")
    @Operation(summary = "The network's school years, newest first")
    List<SchoolYear> schoolYears() {
        return schoolYears.all();
    }

    @GetMapping("/people")
    @Operation(summary = "Search the people directory (paged), within what the caller may see")
    PageResponse<StaffSummary> people(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long campusId,
            @RequestParam(required = false) AccessRole role,
            @RequestParam(defaultValue = "false") boolean includeInactive,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return directory.search(
                CurrentUsers.require(),
                new PeopleQuery(q, campusId, role, includeInactive),
                new PageRequest(page, size));
    }

    @GetMapping("/people/{id}")
    @Operation(summary = "A staff member's profile: details, roles and this year's classes")
    StaffProfile person(@PathVariable long id) {
        return directory.profile(CurrentUsers.require(), id);
    }

    @PutMapping("/people/{id}")
    @Operation(
            summary =
                    "Correct a staff member's HR details (HR and district administrators); 409 if the version is stale")
    StaffProfile correct(@PathVariable long id, @RequestBody StaffChange change) {
        var user = CurrentUsers.require();
        // Who may change comes before what they sent: a refused caller learns nothing from field errors.
        directory.profile(user, id);
        if (!StaffRecords.mayEdit(user)) {
            throw new ForbiddenException("Only HR and district administrators may change staff details");
        }
        var violations = validator.validate(change);
        if (!violations.isEmpty()) {
            var fields = new java.util.TreeMap<String, String>();
            violations.forEach(
                    v -> fields.put(v.getPropertyPath().toString(), v.getPropertyPath() + ": " + v.getMessage()));
            throw new InvalidInputException(fields, String.join("; ", fields.values()));
        }
        return staffRecords.correct(user, id, change);
    }

    @GetMapping("/people/{id}/classes")
    @Operation(summary = "The classes a staff member teaches this year")
    List<ClassSummary> classes(@PathVariable long id) {
        return directory.profile(CurrentUsers.require(), id).classes();
    }

    @GetMapping("/classes/{id}")
    @Operation(summary = "A class with its teachers of record and students")
    ClassRoster classRoster(@PathVariable long id) {
        return directory.classRoster(CurrentUsers.require(), id);
    }
}
