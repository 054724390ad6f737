package org.cadre.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many failed sign-ins an account may have in a row before it is locked, and for how long.
 *
 * @param maxFailures failures in a row that lock the account
 * @param lockout how long the lock lasts
 */
@ConfigurationProperties("cadre.sign-in")
public record SignInPolicy(int maxFailures, Duration lockout) {

    public SignInPolicy {
        if (maxFailures <= 0) {
            maxFailures = 5;
        }
        if (lockout == null) {
            lockout = Duration.ofMinutes(15);
        }
    }
}
