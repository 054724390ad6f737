package org.cadre.identity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new password set by a district administrator, against the version of the account they looked at.
 *
 * @param password the new password
 * @param version the account version the administrator saw, so that a concurrent change is not overwritten
 */
public record PasswordReset(
        @NotNull
        @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH, message = PasswordPolicy.LENGTH_MESSAGE)
        String password,

        @NotNull Integer version) {}
