package org.cadre.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Cadre throttles password sign-in. An account is locked for {@code lockout} after {@code maxFailures}
 * failures in a row. Guessing at unknown emails locks no account, so those failures are counted per client
 * address instead: after {@code clientMaxFailures} within {@code clientWindow}, every password sign-in from that
 * address is refused until the window has moved on.
 *
 * @param maxFailures failures in a row that lock an account (default 5)
 * @param lockout how long the lock lasts (default 15 minutes)
 * @param clientMaxFailures sign-ins with unknown emails one client address may fail within the window (default 20)
 * @param clientWindow the sliding window for those failures (default 5 minutes)
 */
@ConfigurationProperties("cadre.sign-in")
public record SignInPolicy(int maxFailures, Duration lockout, int clientMaxFailures, Duration clientWindow) {

    public SignInPolicy {
        if (maxFailures <= 0) {
            maxFailures = 5;
        }
        if (lockout == null) {
            lockout = Duration.ofMinutes(15);
        }
        if (clientMaxFailures <= 0) {
            clientMaxFailures = 20;
        }
        if (clientWindow == null) {
            clientWindow = Duration.ofMinutes(5);
        }
    }
}
