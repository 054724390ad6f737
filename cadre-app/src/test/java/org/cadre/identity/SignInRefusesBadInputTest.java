package org.cadre.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;

/**
 * Password sign-in refuses what it should, says as little as it must, and changes nothing it should not: a
 * wrong password and an unknown email read the same, so nobody can find out who has an account.
 */
class SignInRefusesBadInputTest extends IdentityIntegrationTest {

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() throws Exception {
        var account = account("enumeration");

        var wrongPassword = signInAttempt(account.email(), "not the password").getResponse();
        var unknownEmail = signInAttempt(email("nobody"), PASSWORD).getResponse();

        assertThat(wrongPassword.getRedirectedUrl()).isEqualTo("/sign-in?error=bad");
        assertThat(unknownEmail.getRedirectedUrl()).isEqualTo(wrongPassword.getRedirectedUrl());
        assertThat(page("/sign-in?error=bad")).contains("The email or password is not right.");
    }

    @Test
    void anUnknownEmailCreatesNoAccount() throws Exception {
        var nobody = email("nobody");

        signInAttempt(nobody, PASSWORD);

        assertThat(accounts.byEmail(nobody)).isEmpty();
    }

    @Test
    void aDeactivatedAccountCannotSignInEvenWithTheRightPassword() throws Exception {
        var account = account("deactivated");
        jdbc.sql("update identity.account set active = false where id = ?")
                .param(account.id())
                .update();

        var attempt = signInAttempt(account.email(), PASSWORD).getResponse();

        assertThat(attempt.getRedirectedUrl()).isEqualTo("/sign-in?error=disabled");
        assertThat(page("/sign-in?error=disabled")).contains("This account has been deactivated.");
        assertThat(reload(account).lastSignInAt()).isNull();
    }

    @Test
    void anAccountWithoutAPasswordCannotSignInWithOne() throws Exception {
        var email = email("provider-only");
        accounts.insert(email, "Provider only", null, null, false);

        assertThat(signInAttempt(email, "").getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error=bad");
        assertThat(signInAttempt(email, PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/sign-in?error=bad");
    }

    @Test
    void aSignInFormWithoutFieldsIsRefusedLikeAWrongPassword() throws Exception {
        var attempt = mvc.perform(post("/sign-in").with(csrf()).with(fromClient()))
                .andReturn()
                .getResponse();

        assertThat(attempt.getRedirectedUrl()).isEqualTo("/sign-in?error=bad");
    }

    @Test
    void aSignInFormWithoutItsCsrfTokenIsRefusedAndSignsNobodyIn() throws Exception {
        var account = account("csrf");

        var attempt = mvc.perform(post("/sign-in")
                        .param("email", account.email())
                        .param("password", PASSWORD)
                        .with(fromClient()))
                .andReturn()
                .getResponse();

        assertThat(attempt.getStatus()).isIn(302, 403);
        assertThat(attempt.getRedirectedUrl()).isNotEqualTo("/");
        assertThat(reload(account).lastSignInAt()).isNull();
    }

    @Test
    void theRightPasswordSignsInAndRecordsWhen() throws Exception {
        var account = account("right");

        var session = signIn(account.email(), PASSWORD);

        assertThat(session).isNotNull();
        assertThat(reload(account).lastSignInAt()).isNotNull();
        assertThat(mvc.perform(get("/api/v1/me").session(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains(account.email());
    }

    @Test
    void emailsAreMatchedWithoutRegardToCaseOrSurroundingSpaces() throws Exception {
        var account = account("Case");

        var attempt = signInAttempt("  " + account.email().toUpperCase() + " ", PASSWORD);

        assertThat(attempt.getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
    }
}
