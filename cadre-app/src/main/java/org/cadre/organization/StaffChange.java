package org.cadre.organization;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The HR details of a staff member that HR and district administrators may correct in Cadre. Rostered fields
 * (names) come from the student information system and are not edited here.
 *
 * @param version the version the change was made against, so concurrent edits are detected
 */
public record StaffChange(
        @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9-]*", message = "letters, digits and dashes only")
        String employeeId,

        @NotBlank @Email @Size(max = 200) String email,
        @Size(max = 20) String payBand,
        @PastOrPresent LocalDate hireDate,
        int version) {}
