package org.cadre.demo;

import java.util.Arrays;
import java.util.Locale;

/**
 * How big a generated network is. Staff and student numbers follow from the campus count and the students per
 * campus: teachers are hired to teach every class at {@link #CLASS_SIZE} students.
 *
 * @param years how many school years, ending with 2025-2026
 * @param studentsPerCampus mean active students of a campus (each campus varies by up to ±20 %)
 * @param districtAdmins generated network-wide district administrators, besides the demo account
 * @param hrStaff generated network-wide HR / compensation staff, besides the demo account
 */
enum NetworkSize {
    SMALL(3, 2, 200, 1, 1),
    DEMO(8, 3, 625, 2, 2),
    NETWORK(56, 3, 1_070, 4, 3),
    STATE(1_000, 3, 1_500, 25, 20);

    /** Students per class section. */
    static final int CLASS_SIZE = 22;

    private final int campuses;
    private final int years;
    private final int studentsPerCampus;
    private final int districtAdmins;
    private final int hrStaff;

    NetworkSize(int campuses, int years, int studentsPerCampus, int districtAdmins, int hrStaff) {
        this.campuses = campuses;
        this.years = years;
        this.studentsPerCampus = studentsPerCampus;
        this.districtAdmins = districtAdmins;
        this.hrStaff = hrStaff;
    }

    int campuses() {
        return campuses;
    }

    int years() {
        return years;
    }

    int studentsPerCampus() {
        return studentsPerCampus;
    }

    int districtAdmins() {
        return districtAdmins;
    }

    int hrStaff() {
        return hrStaff;
    }

    /** The name used in configuration and on the command line. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static NetworkSize of(String label) {
        return Arrays.stream(values())
                .filter(size -> size.label().equalsIgnoreCase(label.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown demo network size '" + label + "'; use small, demo, network or state"));
    }
}
