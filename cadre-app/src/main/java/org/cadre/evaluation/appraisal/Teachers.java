package org.cadre.evaluation.appraisal;

import java.util.HashSet;
import java.util.List;
import org.cadre.organization.Directory;
import org.cadre.organization.SchoolYear;
import org.cadre.organization.SchoolYears;
import org.cadre.organization.StaffSummary;
import org.cadre.shared.AccessRole;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * The teachers evaluation works with, read through the organisation's directory (never its tables): where a
 * teacher teaches this year and who is assigned to appraise them.
 */
@Service
public class Teachers {

    private final Directory directory;
    private final SchoolYears schoolYears;
    private final Appraisers appraisers;

    Teachers(Directory directory, SchoolYears schoolYears, Appraisers appraisers) {
        this.directory = directory;
        this.schoolYears = schoolYears;
        this.appraisers = appraisers;
    }

    /** The current school year; evaluation works in it unless told otherwise. */
    public SchoolYear currentYear() {
        return schoolYears.current().orElseThrow(() -> new NotFoundException("Current school year", "current"));
    }

    public SchoolYear year(long id) {
        return schoolYears.all().stream()
                .filter(y -> y.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("School year", id));
    }

    /**
     * A teacher as the person may see them; not found if the directory hides them from the person or they teach
     * nowhere this year.
     */
    public TeacherPlacement placement(CurrentUser user, long teacherStaffId) {
        var year = currentYear();
        var profile = directory.profile(user, teacherStaffId);
        var campuses = new HashSet<Long>();
        for (var role : profile.roles()) {
            if (role.role() == AccessRole.TEACHER && year.name().equals(role.schoolYear()) && role.campusId() != null) {
                campuses.add(role.campusId());
            }
        }
        if (campuses.isEmpty()) {
            throw new NotFoundException("Teacher", teacherStaffId);
        }
        return new TeacherPlacement(
                teacherStaffId, profile.name(), campuses, appraisers.assignedTo(year.id(), teacherStaffId));
    }

    /** This year's teachers of a campus, as the person may see them, by family name. */
    public List<StaffSummary> ofCampus(CurrentUser user, long campusId) {
        return staffWithRole(user, campusId, AccessRole.TEACHER);
    }

    /** Every school year, newest first. */
    public List<SchoolYear> years() {
        return schoolYears.all();
    }

    /** This year's holders of a role on a campus, as the person may see them. */
    public List<StaffSummary> staffWithRole(CurrentUser user, long campusId, AccessRole role) {
        return directory.holdersOf(user, campusId, role);
    }
}
