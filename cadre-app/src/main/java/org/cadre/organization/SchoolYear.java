package org.cadre.organization;

import java.time.LocalDate;

/**
 * A school year such as 2025-2026, the unit for which roles are held and policy is set.
 *
 * @param current whether this is the year Cadre works in by default
 */
public record SchoolYear(
        long id, String sourceId, String name, LocalDate beginsOn, LocalDate endsOn, boolean current) {}
