package org.cadre.identity;

import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Email-and-password sign-in: finds the account, and throttles repeated failures by locking the account for
 * the policy's lockout after too many failures in a row.
 */
@Service
class AccountSignIn implements UserDetailsService {

    private final Accounts accounts;
    private final SignedInUsers users;
    private final SignInPolicy policy;
    private final Clock clock;

    AccountSignIn(Accounts accounts, SignedInUsers users, SignInPolicy policy, Clock clock) {
        this.accounts = accounts;
        this.users = users;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        var account = accounts.byEmail(email.strip())
                .filter(Account::hasPassword)
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
        return new AccountPrincipal(
                users.of(account), account.passwordHash(), account.active(), account.lockedAt(clock.instant()));
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        var name = String.valueOf(event.getAuthentication().getPrincipal());
        var now = clock.instant();
        accounts.byEmail(name.strip())
                .ifPresent(account -> accounts.recordFailedSignIn(
                        account.id(), policy.maxFailures(), now, now.plus(policy.lockout())));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof org.cadre.shared.CadrePrincipal principal) {
            accounts.recordSuccessfulSignIn(principal.currentUser().accountId(), clock.instant());
        }
    }
}
