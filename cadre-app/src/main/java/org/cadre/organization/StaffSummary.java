package org.cadre.organization;

/**
 * A line of the people directory.
 *
 * @param roles this year's roles, as "Teacher @ Campus; Appraiser @ Campus"
 */
public record StaffSummary(
        long id,
        String employeeId,
        String givenName,
        String familyName,
        String email,
        String payBand,
        boolean active,
        String roles) {

    public String name() {
        return givenName + " " + familyName;
    }
}
