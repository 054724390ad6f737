package org.cadre.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Personal API tokens: made by their owner, shown once, stored only as a hash, and refused with a 401 problem
 * once revoked or expired. Nobody can see or revoke another person's token.
 */
class PersonalApiTokensTest extends IdentityIntegrationTest {

    @Test
    void aTokenAuthenticatesItsOwnerOnTheApi() throws Exception {
        var owner = account("owner");
        var secret = issue(owner, "reports");

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accountId").value(owner.id()))
                .andExpect(jsonPath("$.email").value(owner.email()))
                .andExpect(jsonPath("$.roles").isArray());
    }

    @Test
    void theMeEndpointShowsTheRolesOfTheCaller() throws Exception {
        var admin = administrator();

        mvc.perform(get("/api/v1/me").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[0]").value("DISTRICT_ADMIN"));
    }

    @Test
    void onlyAHashOfTheTokenIsStoredNeverTheSecret() throws Exception {
        var owner = account("hashed");
        var secret = issue(owner, "hashed");

        var stored = jdbc.sql("select prefix, token_hash from identity.api_token where account_id = ?")
                .param(owner.id())
                .query((rs, n) -> new String[] {rs.getString("prefix"), rs.getString("token_hash")})
                .single();

        assertThat(stored[1])
                .isNotEqualTo(secret)
                .isEqualTo(ApiTokens.hash(secret))
                .doesNotContain(secret);
        assertThat(secret).startsWith(stored[0]);
        assertThat(stored[0]).hasSizeLessThan(secret.length() / 2);
        var auditedWithSecret = jdbc.sql("select count(*) from audit.audit_entry"
                        + " where coalesce(after_state::text, '') || coalesce(before_state::text, '') like ?")
                .param("%" + secret.substring(12) + "%")
                .query(Long.class)
                .single();
        assertThat(auditedWithSecret)
                .as("the audit trail never records the secret")
                .isZero();
    }

    @Test
    void theTokenListShowsNeitherSecretsNorHashes() throws Exception {
        var owner = account("lister");
        var secret = issue(owner, "listed");

        var body = mvc.perform(get("/api/v1/me/tokens").with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("listed"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(body).doesNotContain(secret).doesNotContain(ApiTokens.hash(secret));
    }

    @Test
    void aRevokedTokenGetsA401Problem() throws Exception {
        var owner = account("revoker");
        var secret = issue(owner, "short-lived");
        long id = tokenId(owner);

        mvc.perform(delete("/api/v1/me/tokens/{id}", id).header("Authorization", "Bearer " + secret))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void anExpiredTokenGetsA401Problem() throws Exception {
        var owner = account("expired");
        var secret = ApiTokens.TOKEN_PREFIX + "expiredexpiredexpiredexpired" + owner.id();
        jdbc.sql("""
                        insert into identity.api_token (account_id, name, prefix, token_hash, created_at, expires_at)
                        values (?, 'old', ?, ?, ?, ?)
                        """)
                .params(
                        owner.id(),
                        secret.substring(0, 12),
                        ApiTokens.hash(secret),
                        Timestamp.from(Instant.now().minus(30, ChronoUnit.DAYS)),
                        Timestamp.from(Instant.now().minus(1, ChronoUnit.DAYS)))
                .update();

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void malformedAndUnknownTokensGetA401Problem() throws Exception {
        for (var token : new String[] {"", "nonsense", "cadre_", "cadre_doesnotexistdoesnotexist", "Bearer x"}) {
            mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void theTokenOfADeactivatedAccountStopsWorking() throws Exception {
        var owner = account("leaver");
        var secret = issue(owner, "leaver");
        jdbc.sql("update identity.account set active = false where id = ?")
                .param(owner.id())
                .update();

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anotherPersonsTokenReadsAsNotFoundAndStaysValid() throws Exception {
        var owner = account("victim");
        var secret = issue(owner, "victim");
        var other = account("intruder");

        mvc.perform(delete("/api/v1/me/tokens/{id}", tokenId(owner))
                        .with(as(other))
                        .with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/account/tokens/{id}/revoke", tokenId(owner))
                        .with(as(other))
                        .with(csrf()))
                .andExpect(status().isNotFound());

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk());
    }

    @Test
    void outOfRangeTokenRequestsGet400WithFieldErrorsAndCreateNothing() throws Exception {
        var owner = account("sloppy");

        mvc.perform(post("/api/v1/me/tokens")
                        .with(as(owner))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"days\":1000}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").exists())
                .andExpect(jsonPath("$.errors.days").exists());
        mvc.perform(post("/api/v1/me/tokens")
                        .with(as(owner))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"no days\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.days").exists());
        mvc.perform(post("/api/v1/me/tokens")
                        .with(as(owner))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{not json"))
                .andExpect(status().isBadRequest());

        assertThat(tokensOf(owner)).isZero();
    }

    @Test
    void theTokensPageShowsANewSecretOnceAndNeverAgain() throws Exception {
        var owner = account("page");

        var created = mvc.perform(post("/account/tokens")
                        .with(as(owner))
                        .with(csrf())
                        .param("name", "spreadsheet")
                        .param("days", "30"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var match = Pattern.compile("id=\"token-secret\"[^>]*value=\"(cadre_[^\"]+)\"")
                .matcher(created);
        assertThat(match.find())
                .as("the page shows the secret in the copy field")
                .isTrue();
        var secret = match.group(1);
        assertThat(secret).startsWith(ApiTokens.TOKEN_PREFIX);

        var list = mvc.perform(get("/account/tokens").with(as(owner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list)
                .contains("spreadsheet")
                .contains(secret.substring(0, 12))
                .doesNotContain(secret);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk());
    }

    @Test
    void theTokensPageRevokesAToken() throws Exception {
        var owner = account("page-revoker");
        var secret = issue(owner, "to revoke");

        mvc.perform(post("/account/tokens/{id}/revoke", tokenId(owner))
                        .with(as(owner))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
                .andExpect(status().isUnauthorized());
        assertThat(mvc.perform(get("/account/tokens").with(as(owner)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Revoked");
    }

    @Test
    void aTokenFormWithMistakesComesBackWithMessagesAndCreatesNothing() throws Exception {
        var owner = account("page-sloppy");

        var page = mvc.perform(post("/account/tokens")
                        .with(as(owner))
                        .with(csrf())
                        .param("name", " ")
                        .param("days", "0"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("Please correct the fields marked below")
                .contains("name-error")
                .contains("days-error");
        assertThat(tokensOf(owner)).isZero();
    }

    private String issue(Account owner, String name) throws Exception {
        var body = mvc.perform(post("/api/v1/me/tokens")
                        .with(as(owner))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"days\":30}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token.name").value(name))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.secret");
    }

    private long tokenId(Account owner) {
        return jdbc.sql("select max(id) from identity.api_token where account_id = ?")
                .param(owner.id())
                .query(Long.class)
                .single();
    }

    private long tokensOf(Account owner) {
        return jdbc.sql("select count(*) from identity.api_token where account_id = ?")
                .param(owner.id())
                .query(Long.class)
                .single();
    }
}
