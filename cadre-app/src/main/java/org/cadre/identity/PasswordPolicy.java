package org.cadre.identity;

import org.cadre.shared.InvalidInputException;

/**
 * What Cadre accepts as a password. Length is the one rule: a long passphrase beats composition rules, which
 * push people to predictable substitutions (NIST SP 800-63B). The upper bound only keeps hashing cheap.
 */
public final class PasswordPolicy {

    /** The fewest characters a password may have. */
    public static final int MIN_LENGTH = 12;

    /** The most characters a password may have. */
    public static final int MAX_LENGTH = 128;

    /** The message shown for a password of the wrong length. */
    public static final String LENGTH_MESSAGE = "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long";

    /** Refuses a password that breaks the policy, naming the form field it came from. */
    static void check(String field, String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, LENGTH_MESSAGE);
        }
    }

    private PasswordPolicy() {}
}
