package org.cadre.evaluation.observation;

/** Where an observation is in its life: scheduled → in progress → rated → shared → acknowledged. */
public enum ObservationStatus {
    SCHEDULED("Scheduled"),
    IN_PROGRESS("In progress"),
    RATED("Rated, not yet shared"),
    SHARED("Shared with the teacher"),
    ACKNOWLEDGED("Acknowledged by the teacher");

    private final String label;

    ObservationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the teacher can see the observation. */
    public boolean visibleToTeacher() {
        return this == SHARED || this == ACKNOWLEDGED;
    }
}
