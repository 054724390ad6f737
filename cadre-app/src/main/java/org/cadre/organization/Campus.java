package org.cadre.organization;

/**
 * A school of the network.
 *
 * @param level ELEMENTARY, MIDDLE, HIGH or K12
 * @param regionName the region the campus belongs to, if the network has regions
 */
public record Campus(
        long id,
        String sourceId,
        String name,
        String campusNumber,
        String level,
        Long regionId,
        String regionName,
        boolean active) {}
