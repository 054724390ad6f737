package org.cadre.shared;

/**
 * One role held by a signed-in person: on a campus, or network-wide when {@code campusId} is null.
 *
 * @param role the role
 * @param campusId the campus the role applies to, or null for the whole network
 */
public record Grant(AccessRole role, Long campusId) {

    public boolean coversCampus(long campus) {
        return campusId == null || campusId == campus;
    }
}
