package org.cadre.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Password sign-in is throttled: five wrong passwords in a row lock the account for the lockout, a success
 * resets the count, and a client that keeps guessing unknown emails is refused for a while.
 */
class SignInThrottlingTest extends IdentityIntegrationTest {

    @Test
    void fiveWrongPasswordsLockTheAccountSoThatEvenTheRightPasswordIsRefused() throws Exception {
        var account = account("locked");
        for (int i = 0; i < 5; i++) {
            assertThat(signInAttempt(account.email(), "wrong password " + i)
                            .getResponse()
                            .getRedirectedUrl())
                    .isEqualTo("/sign-in?error=bad");
        }

        var attempt = signInAttempt(account.email(), PASSWORD);

        assertThat(attempt.getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error=locked");
        var locked = reload(account);
        assertThat(locked.failedSignIns()).isEqualTo(5);
        assertThat(locked.lockedAt(Instant.now())).isTrue();
        assertThat(locked.lastSignInAt()).isNull();
    }

    @Test
    void theLockedMessageTellsThePersonToWaitOrAskAnAdministrator() throws Exception {
        var page = mvc.perform(get("/sign-in?error=locked"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("This account is locked for a while");
    }

    @Test
    void theRightPasswordWorksAgainOnceTheLockoutHasPassed() throws Exception {
        var account = account("lockout-passes");
        for (int i = 0; i < 5; i++) {
            signInAttempt(account.email(), "wrong password");
        }
        lockedUntil(account, Instant.now().minusSeconds(60));

        var session = signIn(account.email(), PASSWORD);

        assertThat(session).isNotNull();
        var after = reload(account);
        assertThat(after.failedSignIns()).isZero();
        assertThat(after.lockedUntil()).isNull();
        assertThat(after.lastSignInAt()).isNotNull();
    }

    @Test
    void aSuccessfulSignInResetsTheCountOfFailures() throws Exception {
        var account = account("reset-count");
        for (int i = 0; i < 4; i++) {
            signInAttempt(account.email(), "wrong password");
        }
        signIn(account.email(), PASSWORD);
        assertThat(reload(account).failedSignIns()).isZero();

        for (int i = 0; i < 4; i++) {
            signInAttempt(account.email(), "wrong password");
        }

        assertThat(signInAttempt(account.email(), PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/");
    }

    @Test
    void onceALockHasPassedTheFirstTypoDoesNotLockTheAccountAgain() throws Exception {
        var account = account("second-chance");
        for (int i = 0; i < 5; i++) {
            signInAttempt(account.email(), "wrong password");
        }
        lockedUntil(account, Instant.now().minusSeconds(60));

        signInAttempt(account.email(), "a typo");

        var after = reload(account);
        assertThat(after.failedSignIns()).isEqualTo(1);
        assertThat(after.lockedUntil()).isNull();
        assertThat(signInAttempt(account.email(), PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/");
    }

    @Test
    void aClientThatKeepsGuessingUnknownEmailsIsRefusedEvenWithARealAccount() throws Exception {
        var account = account("behind-a-prober");
        for (int i = 0; i < 20; i++) {
            assertThat(signInAttempt(email("nobody" + i), PASSWORD)
                            .getResponse()
                            .getRedirectedUrl())
                    .isEqualTo("/sign-in?error=bad");
        }

        var refused = signInAttempt(account.email(), PASSWORD);

        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error=bad");
        assertThat(reload(account).lastSignInAt()).isNull();
        assertThat(reload(account).failedSignIns())
                .as("a refused client's attempts do not count against the account")
                .isZero();
    }

    @Test
    void theClientThrottleLeavesOtherClientsAlone() throws Exception {
        var account = account("other-client");
        for (int i = 0; i < 20; i++) {
            signInAttempt(email("nobody" + i), PASSWORD);
        }

        var elsewhere = mvc.perform(post("/sign-in")
                        .param("email", account.email())
                        .param("password", PASSWORD)
                        .with(csrf())
                        .with(fromClient("192.0.2.77")))
                .andReturn();

        assertThat(elsewhere.getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void wrongPasswordsForRealAccountsDoNotCountAgainstTheClient() throws Exception {
        for (int i = 0; i < 25; i++) {
            signInAttempt(account("typist" + i).email(), "wrong password");
        }
        var account = account("after-typists");

        assertThat(signInAttempt(account.email(), PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/");
    }

    private void lockedUntil(Account account, Instant until) {
        jdbc.sql("update identity.account set locked_until = ? where id = ?")
                .params(Timestamp.from(until), account.id())
                .update();
    }
}
