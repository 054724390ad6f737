package org.cadre.shared;

/**
 * The roles that decide what a signed-in person may see and do. A role is granted for a school year, and —
 * except for district-wide roles — on a campus.
 */
public enum AccessRole {
    TEACHER("Teacher", false),
    COACH("Instructional coach", false),
    APPRAISER("Appraiser", false),
    ASSESSOR("Micro-credential assessor", false),
    PLC_LEADER("PLC leader", false),
    MENTOR_TEACHER("Mentor teacher", false),
    CAMPUS_ADMIN("Campus administrator", false),
    HR("HR / compensation", true),
    DISTRICT_ADMIN("District administrator", true);

    private final String label;
    private final boolean networkWide;

    AccessRole(String label, boolean networkWide) {
        this.label = label;
        this.networkWide = networkWide;
    }

    /** How an educator would name the role. */
    public String label() {
        return label;
    }

    /** Whether the role applies to the whole network rather than one campus. */
    public boolean networkWide() {
        return networkWide;
    }
}
