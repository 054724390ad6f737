package org.cadre.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a district administrator fills in to open an account. Blank optional fields mean "none".
 *
 * @param email the address the person signs in with
 * @param displayName the name shown in the page header
 * @param staffEmail the email of the staff member the account belongs to; blank links the staff member with the
 *     account's own email, if there is one
 * @param password the initial password; blank for an account that signs in through an identity provider only
 */
public record NewAccount(
        @NotBlank @Email @Size(max = 200) String email,
        @NotBlank @Size(max = 200) String displayName,
        @Email @Size(max = 200) String staffEmail,

        @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH, message = PasswordPolicy.LENGTH_MESSAGE)
        String password) {

    public NewAccount {
        email = email == null ? null : email.strip();
        displayName = displayName == null ? null : displayName.strip();
        staffEmail = staffEmail == null || staffEmail.isBlank() ? null : staffEmail.strip();
        password = password == null || password.isEmpty() ? null : password;
    }

    /** An empty form. */
    public static NewAccount blank() {
        return new NewAccount(null, null, null, null);
    }
}
