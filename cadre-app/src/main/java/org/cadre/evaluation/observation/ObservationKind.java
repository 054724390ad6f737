package org.cadre.evaluation.observation;

/** The kinds of observation the year's cycle counts. */
public enum ObservationKind {
    FORMAL("Formal observation"),
    INFORMAL("Informal observation"),
    WALKTHROUGH("Walkthrough");

    private final String label;

    ObservationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
