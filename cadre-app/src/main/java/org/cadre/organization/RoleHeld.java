package org.cadre.organization;

import org.cadre.shared.AccessRole;

/** A role a staff member holds in a school year, on a campus or network-wide. */
public record RoleHeld(AccessRole role, String schoolYear, Long campusId, String campusName) {}
