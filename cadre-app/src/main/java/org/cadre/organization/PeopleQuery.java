package org.cadre.organization;

import org.cadre.shared.AccessRole;

/**
 * A search of the people directory; null fields do not filter.
 *
 * @param text part of a name, email or employee id
 * @param campusId only people with a role on this campus this year
 * @param role only people holding this role this year
 * @param includeInactive also people who have left
 */
public record PeopleQuery(String text, Long campusId, AccessRole role, boolean includeInactive) {}
