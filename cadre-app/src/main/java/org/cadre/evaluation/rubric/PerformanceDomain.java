package org.cadre.evaluation.rubric;

/** The three domains of performance a summative rating weighs. */
public enum PerformanceDomain {
    /** Scored on the observation rubric. */
    INSTRUCTIONAL_QUALITY("Instructional Quality"),
    /** Taken from the growth measure (appraiser-entered until the growth module provides it). */
    STUDENT_GROWTH("Student Growth and Achievement"),
    /** Professional-practices dimensions, rated at the end-of-year conference. */
    PROFESSIONAL_ROLES("Professional Roles and Responsibilities");

    private final String label;

    PerformanceDomain(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
