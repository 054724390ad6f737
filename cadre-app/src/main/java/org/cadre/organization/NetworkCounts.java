package org.cadre.organization;

/** How big the network is, for an administrator's home page. */
public record NetworkCounts(long campuses, long activeStaff, long activeStudents, long classes) {}
