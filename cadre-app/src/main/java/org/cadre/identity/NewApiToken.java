package org.cadre.identity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A personal API token someone asks for.
 *
 * @param name what the token is for, so its owner recognises it later
 * @param days how many days it stays valid, 1 to {@value ApiTokens#MAX_DAYS}
 */
public record NewApiToken(
        @NotBlank @Size(max = 100) String name,
        @NotNull @Min(1) @Max(ApiTokens.MAX_DAYS) Integer days) {

    /** The form as first shown: a token for 90 days. */
    public static NewApiToken blank() {
        return new NewApiToken(null, 90);
    }
}
