package org.cadre.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * District administrators manage accounts through the REST API: every change is checked against the version
 * they saw, recorded in the audit trail without the password hash, and refused whole when the input is wrong.
 */
class AccountAdministrationApiTest extends IdentityIntegrationTest {

    @Test
    void listsAccountsMatchingASearchAPageAtATime() throws Exception {
        var admin = administrator();
        var marker = "Zebra" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            accounts.insert(email("listed"), marker + " " + i, null, null, false);
        }

        mvc.perform(get("/api/v1/admin/accounts")
                        .param("q", marker)
                        .param("size", "2")
                        .with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].displayName").value(marker + " 0"));
        mvc.perform(get("/api/v1/admin/accounts")
                        .param("q", marker)
                        .param("size", "2")
                        .param("page", "1")
                        .with(as(admin)))
                .andExpect(jsonPath("$.items.length()").value(1));
    }

    @Test
    void showsAnAccountWithoutItsPasswordHash() throws Exception {
        var admin = administrator();
        var account = account("shown");

        var body = mvc.perform(get("/api/v1/admin/accounts/{id}", account.id()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(account.email()))
                .andExpect(jsonPath("$.hasPassword").value(true))
                .andExpect(jsonPath("$.version").value(0))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(body).doesNotContain("passwordHash").doesNotContain("argon2");
    }

    @Test
    void opensAnAccountWithAHashedPasswordAndAuditsItWithoutTheHash() throws Exception {
        var admin = administrator();
        var email = email("opened");

        var body = create(admin, email, "Opened Person", null, "a long enough password")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/admin/accounts/")))
                .andExpect(jsonPath("$.email").value(email))
                .andReturn()
                .getResponse()
                .getContentAsString();

        var account = accounts.byEmail(email).orElseThrow();
        assertThat(((Number) JsonPath.read(body, "$.id")).longValue()).isEqualTo(account.id());
        assertThat(account.passwordHash()).startsWith("{argon2}").doesNotContain("a long enough password");
        var audited = jdbc.sql("select after_state::text from audit.audit_entry"
                        + " where entity_type = 'account' and entity_id = ? and action = 'CREATE'")
                .param(String.valueOf(account.id()))
                .query(String.class)
                .single();
        assertThat(audited).contains(email).doesNotContain("argon2").doesNotContain("passwordHash");
        assertThat(signIn(email, "a long enough password")).isNotNull();
    }

    @Test
    void opensAnAccountWithoutAPasswordForSignInThroughAnIdentityProvider() throws Exception {
        var email = email("provider");

        create(administrator(), email, "Provider Person", null, null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.hasPassword").value(false));

        assertThat(accounts.byEmail(email).orElseThrow().passwordHash()).isNull();
    }

    @Test
    void linksTheStaffMemberNamedByEmail() throws Exception {
        var staffEmail = email("rostered");
        long staffId = staffMember(staffEmail);

        create(administrator(), email("personal"), "Linked Person", staffEmail, null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.staffId").value(staffId));
    }

    @Test
    void linksTheStaffMemberWithTheAccountsOwnEmailWhenNoneIsNamed() throws Exception {
        var email = email("same");
        long staffId = staffMember(email);

        create(administrator(), email, "Same Person", null, null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.staffId").value(staffId));
    }

    @Test
    void refusesAStaffEmailNobodyOnTheRosterHasAndOpensNothing() throws Exception {
        var email = email("unrostered");

        create(administrator(), email, "Unrostered", email("ghost"), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.staffEmail").exists());

        assertThat(accounts.byEmail(email)).isEmpty();
    }

    @Test
    void refusesASecondAccountForTheSameStaffMember() throws Exception {
        var staffEmail = email("twice");
        staffMember(staffEmail);
        var admin = administrator();
        create(admin, staffEmail, "First", null, null).andExpect(status().isCreated());
        var second = email("second");

        create(admin, second, "Second", staffEmail, null).andExpect(status().isConflict());

        assertThat(accounts.byEmail(second)).isEmpty();
    }

    @Test
    void refusesMissingAndOutOfRangeFieldsWithFieldErrorsAndOpensNothing() throws Exception {
        var admin = administrator();
        var before = count();

        mvc.perform(post("/api/v1/admin/accounts")
                        .with(as(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"not an email\",\"displayName\":\" \",\"password\":\"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.email").exists())
                .andExpect(jsonPath("$.errors.displayName").exists())
                .andExpect(jsonPath("$.errors.password").value("password: must be 12 to 128 characters long"));
        mvc.perform(post("/api/v1/admin/accounts")
                        .with(as(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.email").exists());
        mvc.perform(post("/api/v1/admin/accounts")
                        .with(as(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":"))
                .andExpect(status().isBadRequest());

        assertThat(count()).isEqualTo(before);
    }

    @Test
    void refusesAnEmailThatAlreadyHasAnAccount() throws Exception {
        var existing = account("existing");

        create(administrator(), existing.email().toUpperCase(), "Duplicate", null, null)
                .andExpect(status().isConflict());
    }

    @Test
    void resetsAPasswordWhichAlsoLiftsALock() throws Exception {
        var account = account("forgetful");
        jdbc.sql(
                        "update identity.account set failed_sign_ins = 5, locked_until = now() + interval '1 hour' where id = ?")
                .param(account.id())
                .update();

        mvc.perform(post("/api/v1/admin/accounts/{id}/password", account.id())
                        .with(as(administrator()))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"a brand new passphrase\",\"version\":0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.locked").value(false));

        assertThat(signIn(account.email(), "a brand new passphrase")).isNotNull();
        assertThat(auditEntries(account)).isEqualTo(1);
    }

    @Test
    void aChangeMadeOnAStaleVersionGets409AndChangesNothing() throws Exception {
        var account = account("contested");
        var admin = administrator();
        deactivate(admin, account, 0).andExpect(status().isOk());
        reactivate(admin, account, 1).andExpect(status().isOk());
        var hash = reload(account).passwordHash();

        mvc.perform(post("/api/v1/admin/accounts/{id}/password", account.id())
                        .with(as(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"a brand new passphrase\",\"version\":0}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        deactivate(admin, account, 1).andExpect(status().isConflict());

        var after = reload(account);
        assertThat(after.passwordHash()).isEqualTo(hash);
        assertThat(after.active()).isTrue();
        assertThat(after.version()).isEqualTo(2);
        assertThat(auditEntries(account)).isEqualTo(2);
    }

    @Test
    void deactivatingClosesSignInAndReactivatingOpensIt() throws Exception {
        var account = account("seasonal");
        var admin = administrator();

        deactivate(admin, account, 0)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        assertThat(signInAttempt(account.email(), PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/sign-in?error=disabled");

        reactivate(admin, account, 1)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(true));
        assertThat(signIn(account.email(), PASSWORD)).isNotNull();
        assertThat(auditEntries(account)).isEqualTo(2);
    }

    @Test
    void anAdministratorCannotDeactivateTheirOwnAccount() throws Exception {
        var admin = administrator();

        deactivate(admin, admin, 0).andExpect(status().isConflict());

        assertThat(reload(admin).active()).isTrue();
    }

    @Test
    void deactivatingAnAlreadyDeactivatedAccountIsAConflict() throws Exception {
        var account = account("twice-closed");
        var admin = administrator();
        deactivate(admin, account, 0).andExpect(status().isOk());

        deactivate(admin, account, 1).andExpect(status().isConflict());

        assertThat(reload(account).version()).isEqualTo(1);
    }

    @Test
    void aChangeWithoutAVersionIsRefused() throws Exception {
        var account = account("versionless");

        mvc.perform(post("/api/v1/admin/accounts/{id}/deactivate", account.id())
                        .with(as(administrator()))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.version").exists());

        assertThat(reload(account).active()).isTrue();
    }

    @Test
    void anAccountThatDoesNotExistIsNotFound() throws Exception {
        var admin = administrator();
        long missing = Long.MAX_VALUE - 7;

        mvc.perform(get("/api/v1/admin/accounts/{id}", missing).with(as(admin)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/admin/accounts/{id}/password", missing)
                        .with(as(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"a brand new passphrase\",\"version\":0}"))
                .andExpect(status().isNotFound());
        deactivate(admin, missing, 0).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/admin/accounts/not-a-number").with(as(admin))).andExpect(status().isBadRequest());
    }

    @Test
    void outOfRangePagingIsRefused() throws Exception {
        mvc.perform(get("/api/v1/admin/accounts").param("size", "5000").with(as(administrator())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.size").exists());
    }

    @Test
    void onlyDistrictAdministratorsManageAccounts() throws Exception {
        var someone = account("someone");
        var other = account("other");

        mvc.perform(get("/api/v1/admin/accounts").with(as(someone))).andExpect(status().isForbidden());
        deactivate(someone, other, 0).andExpect(status().isForbidden());

        assertThat(reload(other).active()).isTrue();
    }

    private ResultActions create(Account admin, String email, String name, String staffEmail, String password)
            throws Exception {
        var json = new StringBuilder("{\"email\":\"" + email + "\",\"displayName\":\"" + name + "\"");
        if (staffEmail != null) {
            json.append(",\"staffEmail\":\"").append(staffEmail).append('"');
        }
        if (password != null) {
            json.append(",\"password\":\"").append(password).append('"');
        }
        return mvc.perform(post("/api/v1/admin/accounts")
                .with(as(admin))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.append('}').toString()));
    }

    private ResultActions deactivate(Account admin, Account account, int version) throws Exception {
        return deactivate(admin, account.id(), version);
    }

    private ResultActions deactivate(Account admin, long id, int version) throws Exception {
        return mvc.perform(post("/api/v1/admin/accounts/{id}/deactivate", id)
                .with(as(admin))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":" + version + "}"));
    }

    private ResultActions reactivate(Account admin, Account account, int version) throws Exception {
        return mvc.perform(post("/api/v1/admin/accounts/{id}/reactivate", account.id())
                .with(as(admin))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":" + version + "}"));
    }

    private long count() {
        return jdbc.sql("select count(*) from identity.account")
                .query(Long.class)
                .single();
    }
}
