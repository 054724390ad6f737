package org.cadre.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * District administrators manage accounts on pages: forms with mistakes come back with their messages, a
 * decision taken on a stale page is refused with a friendly message, and nothing changes in either case.
 */
class AccountAdministrationPagesTest extends IdentityIntegrationTest {

    @Test
    void theAccountsPageListsAndSearchesAccounts() throws Exception {
        var admin = administrator();
        var marker = "Quokka" + UUID.randomUUID().toString().substring(0, 6);
        accounts.insert(email("found"), marker + " Found", null, null, false);

        var page = html(get("/admin/accounts").param("q", marker).with(as(admin)));
        var fragment = html(get("/admin/accounts")
                .param("q", marker)
                .header("HX-Request", "true")
                .with(as(admin)));

        assertThat(page).contains(marker + " Found").contains("1 account").contains("<h1>Accounts</h1>");
        assertThat(fragment).contains(marker + " Found").doesNotContain("<h1>");
    }

    @Test
    void theNavigationOffersAccountsToDistrictAdministratorsAndApiTokensToEveryone() throws Exception {
        var asAdmin = html(get("/account/tokens").with(as(administrator())));
        var asTeacher = html(get("/account/tokens").with(as(account("teacher"))));

        assertThat(asAdmin).contains("href=\"/admin/accounts\"").contains("href=\"/account/tokens\"");
        assertThat(asTeacher).doesNotContain("href=\"/admin/accounts\"").contains("href=\"/account/tokens\"");
    }

    @Test
    void anAdministratorOpensAnAccountWithTheForm() throws Exception {
        var email = email("form");

        mvc.perform(post("/admin/accounts")
                        .with(as(administrator()))
                        .with(csrf())
                        .param("email", email)
                        .param("displayName", "Form Person")
                        .param("staffEmail", "")
                        .param("password", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/admin/accounts/*"));

        var account = accounts.byEmail(email).orElseThrow();
        assertThat(account.displayName()).isEqualTo("Form Person");
        assertThat(account.hasPassword()).isFalse();
        assertThat(auditEntries(account)).isEqualTo(1);
    }

    @Test
    void aFormWithMistakesComesBackWithItsMessagesAndOpensNothing() throws Exception {
        var email = email("typo");

        var page = mvc.perform(post("/admin/accounts")
                        .with(as(administrator()))
                        .with(csrf())
                        .param("email", email)
                        .param("displayName", "")
                        .param("password", "too short"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("Please correct the fields marked below")
                .contains("must be 12 to 128 characters long")
                .contains("displayName-error")
                .contains(email);
        assertThat(accounts.byEmail(email)).isEmpty();
    }

    @Test
    void anUnknownStaffEmailIsMarkedOnTheForm() throws Exception {
        var email = email("no-staff");

        var page = mvc.perform(post("/admin/accounts")
                        .with(as(administrator()))
                        .with(csrf())
                        .param("email", email)
                        .param("displayName", "No Staff")
                        .param("staffEmail", email("ghost")))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("staffEmail-error").contains("no active staff member has the email");
        assertThat(accounts.byEmail(email)).isEmpty();
    }

    @Test
    void aDuplicateEmailIsExplainedOnTheForm() throws Exception {
        var existing = account("duplicate");

        var page = mvc.perform(post("/admin/accounts")
                        .with(as(administrator()))
                        .with(csrf())
                        .param("email", existing.email())
                        .param("displayName", "Again"))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("already exists");
    }

    @Test
    void theAccountPageResetsAPassword() throws Exception {
        var account = account("reset-on-page");

        mvc.perform(post("/admin/accounts/{id}/password", account.id())
                        .with(as(administrator()))
                        .with(csrf())
                        .param("password", "another long passphrase")
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection());

        assertThat(signIn(account.email(), "another long passphrase")).isNotNull();
    }

    @Test
    void aShortPasswordIsRefusedOnTheAccountPage() throws Exception {
        var account = account("short-on-page");

        var page = mvc.perform(post("/admin/accounts/{id}/password", account.id())
                        .with(as(administrator()))
                        .with(csrf())
                        .param("password", "short")
                        .param("version", "0"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("must be 12 to 128 characters long");
        assertThat(reload(account).passwordHash()).isEqualTo(account.passwordHash());
    }

    @Test
    void aDecisionTakenOnAStalePageIsRefusedWithAFriendlyMessage() throws Exception {
        var account = account("stale-page");
        var admin = administrator();
        mvc.perform(post("/admin/accounts/{id}/deactivate", account.id())
                        .with(as(admin))
                        .with(csrf())
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/accounts/{id}/reactivate", account.id())
                        .with(as(admin))
                        .with(csrf())
                        .param("version", "1"))
                .andExpect(status().is3xxRedirection());

        var page = mvc.perform(post("/admin/accounts/{id}/deactivate", account.id())
                        .with(as(admin))
                        .with(csrf())
                        .param("version", "0"))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("was changed by someone else in the meantime").contains("value=\"2\"");
        assertThat(reload(account).active()).isTrue();
        assertThat(reload(account).version()).isEqualTo(2);
    }

    @Test
    void aStalePasswordResetShowsTheCurrentVersionAgain() throws Exception {
        var account = account("stale-reset");
        var admin = administrator();
        mvc.perform(post("/admin/accounts/{id}/deactivate", account.id())
                .with(as(admin))
                .with(csrf())
                .param("version", "0"));

        var page = mvc.perform(post("/admin/accounts/{id}/password", account.id())
                        .with(as(admin))
                        .with(csrf())
                        .param("password", "a stale long passphrase")
                        .param("version", "0"))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("was changed by someone else").contains("name=\"version\" value=\"1\"");
        assertThat(reload(account).passwordHash()).isEqualTo(account.passwordHash());
    }

    @Test
    void anAccountThatDoesNotExistShowsTheNotFoundPage() throws Exception {
        mvc.perform(get("/admin/accounts/{id}", Long.MAX_VALUE - 11).with(as(administrator())))
                .andExpect(status().isNotFound());
    }

    @Test
    void peopleWhoAreNotDistrictAdministratorsCannotReachTheAccountPages() throws Exception {
        var someone = account("curious");
        var other = account("target");

        mvc.perform(get("/admin/accounts").with(as(someone))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/accounts/{id}/deactivate", other.id())
                        .with(as(someone))
                        .with(csrf())
                        .param("version", "0"))
                .andExpect(status().isForbidden());

        assertThat(reload(other).active()).isTrue();
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
