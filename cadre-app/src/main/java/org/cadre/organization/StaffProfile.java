package org.cadre.organization;

import java.time.LocalDate;
import java.util.List;

/** Everything the directory knows about one staff member: who they are, their roles and their classes. */
public record StaffProfile(
        long id,
        String sourceId,
        String employeeId,
        String givenName,
        String familyName,
        String email,
        String payBand,
        LocalDate hireDate,
        boolean active,
        int version,
        List<RoleHeld> roles,
        List<ClassSummary> classes) {

    public String name() {
        return givenName + " " + familyName;
    }
}
