package org.cadre.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts failed password sign-ins with unknown emails per client address, in a sliding window held in memory.
 * Account lockout cannot stop someone probing for emails, so this does. It is deliberately simple: one
 * instance's memory, forgotten on restart, which is enough to make probing slow.
 */
@Component
class ClientSignInThrottle {

    /** Past this many tracked addresses, stale ones are dropped, so a flood of addresses cannot exhaust memory. */
    private static final int MAX_TRACKED_CLIENTS = 10_000;

    private final SignInPolicy policy;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    ClientSignInThrottle(SignInPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** Whether sign-ins from this client address are refused for now. */
    boolean refuses(String client) {
        var recent = failures.get(client);
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            dropExpired(recent, clock.instant());
            return recent.size() >= policy.clientMaxFailures();
        }
    }

    /** Records a failed sign-in with an email that has no password account. */
    void recordUnknownEmail(String client) {
        if (failures.size() >= MAX_TRACKED_CLIENTS) {
            forgetStaleClients();
        }
        var now = clock.instant();
        var recent = failures.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (recent) {
            dropExpired(recent, now);
            recent.addLast(now);
            // Only the newest failures up to the limit decide whether the client is refused.
            while (recent.size() > policy.clientMaxFailures()) {
                recent.removeFirst();
            }
        }
    }

    private void dropExpired(Deque<Instant> recent, Instant now) {
        var oldest = now.minus(policy.clientWindow());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(oldest)) {
            recent.removeFirst();
        }
    }

    private void forgetStaleClients() {
        var now = clock.instant();
        failures.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                dropExpired(entry.getValue(), now);
                return entry.getValue().isEmpty();
            }
        });
        if (failures.size() >= MAX_TRACKED_CLIENTS) {
            // Still full of live entries: an attack from very many addresses. Forgetting is the lesser harm.
            failures.clear();
        }
    }
}
