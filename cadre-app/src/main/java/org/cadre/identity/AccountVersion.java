package org.cadre.identity;

import jakarta.validation.constraints.NotNull;

/**
 * The version of an account a change was decided on (deactivating, reactivating), so that a decision taken on
 * a stale view is refused instead of silently applied.
 *
 * @param version the account version the administrator saw
 */
public record AccountVersion(@NotNull Integer version) {}
