package org.cadre.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in through an OpenID Connect provider, end to end: a real provider (mock-oauth2-server) runs inside the
 * test, and a real HTTP client walks the authorization-code flow as a browser would, cookies and all.
 *
 * <p>The provider has to be configured before the application starts, so this class has a context of its own
 * (closed after it); it is the only test that needs one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class OidcSignInTest {

    private static final String ISSUER = "district";
    private static final String CLIENT_ID = "cadre";
    private static final MockOAuth2Server provider = new MockOAuth2Server();

    static {
        provider.start();
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        var registration = "spring.security.oauth2.client.registration.mock.";
        registry.add(registration + "client-id", () -> CLIENT_ID);
        registry.add(registration + "client-secret", () -> "not-a-secret");
        registry.add(registration + "client-name", () -> "District sign-in");
        registry.add(registration + "scope", () -> "openid,email,profile");
        registry.add(
                "spring.security.oauth2.client.provider.mock.issuer-uri",
                () -> provider.issuerUrl(ISSUER).toString());
    }

    @AfterAll
    static void stopProvider() {
        provider.shutdown();
    }

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSignInPageOffersTheProvider() throws Exception {
        var page = new Browser().get("/sign-in");

        assertThat(page.body()).contains("District sign-in").contains("/oauth2/authorization/mock");
    }

    @Test
    void aPersonWithAnAccountSignsInThroughTheProviderMatchedByEmail() throws Exception {
        var email = email("provider");
        long id = accounts.insert(email, "Provider Person", null, null, false);
        var browser = new Browser();

        var landing = browser.signInThroughProvider(email, true);

        assertThat(landing.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        var me = browser.get("/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"accountId\":" + id).contains(email);
        assertThat(accounts.byId(id).orElseThrow().lastSignInAt()).isNotNull();
    }

    @Test
    void anEmailWithNoAccountAndNoStaffMemberIsRefused() throws Exception {
        var email = email("stranger");
        var browser = new Browser();

        var landing = browser.signInThroughProvider(email, true);

        assertThat(landing.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in?error=oidc"));
        assertThat(browser.get("/sign-in?error=oidc").body())
                .contains("no active Cadre account uses that email address");
        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(accounts.byEmail(email)).isEmpty();
    }

    @Test
    void aStaffMemberWithoutAnAccountGetsOneLinkedToTheirStaffRecord() throws Exception {
        var email = email("rostered");
        long staffId = jdbc.sql("""
                        insert into organization.staff (source_id, given_name, family_name, email)
                        values (?, 'Rosa', 'Rostered', ?) returning id
                        """)
                .params("oidc-test-" + UUID.randomUUID(), email)
                .query(Long.class)
                .single();
        IdentityIntegrationTest.rosterInTheEarliestYear(jdbc, staffId);
        var browser = new Browser();

        browser.signInThroughProvider(email, true);

        var account = accounts.byEmail(email).orElseThrow();
        assertThat(account.staffId()).isEqualTo(staffId);
        assertThat(account.displayName()).isEqualTo("Rosa Rostered");
        assertThat(account.hasPassword()).isFalse();
        assertThat(browser.get("/api/v1/me").body()).contains("\"staffId\":" + staffId);
        var audited = jdbc.sql("select count(*) from audit.audit_entry where entity_type = 'account' and entity_id = ?")
                .param(String.valueOf(account.id()))
                .query(Long.class)
                .single();
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void anEmailTheProviderHasNotVerifiedIsRefused() throws Exception {
        var email = email("unverified");
        accounts.insert(email, "Unverified", null, null, false);
        var browser = new Browser();

        var landing = browser.signInThroughProvider(email, false);

        assertThat(landing.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in?error=oidc"));
        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void aDeactivatedAccountIsRefused() throws Exception {
        var email = email("deactivated");
        long id = accounts.insert(email, "Deactivated", null, null, false);
        jdbc.sql("update identity.account set active = false where id = ?")
                .param(id)
                .update();
        var browser = new Browser();

        var landing = browser.signInThroughProvider(email, true);

        assertThat(landing.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in?error=oidc"));
    }

    private static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@oidc.test";
    }

    /** A browser: keeps cookies, and follows redirects one at a time so that each step can be checked. */
    private final class Browser {

        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> get(String pathOrUrl) throws Exception {
            var uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create(app(pathOrUrl));
            return client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /**
         * Clicks the provider's button, lets the provider vouch for {@code email}, and returns Cadre's answer to
         * the provider's redirect back: where it sends the browser next.
         */
        HttpResponse<String> signInThroughProvider(String email, boolean verified) throws Exception {
            provider.enqueueCallback(new DefaultOAuth2TokenCallback(
                    ISSUER,
                    UUID.randomUUID().toString(),
                    "JWT",
                    List.of(CLIENT_ID),
                    Map.of("email", email, "email_verified", verified, "name", "Someone"),
                    3600));
            var toProvider = get("/oauth2/authorization/mock");
            assertThat(toProvider.statusCode()).isEqualTo(302);
            var authorize = location(toProvider);
            assertThat(authorize)
                    .startsWith(provider.authorizationEndpointUrl(ISSUER).toString());

            var backToCadre = get(authorize);
            assertThat(backToCadre.statusCode()).isEqualTo(302);
            var callback = location(backToCadre);
            assertThat(callback).startsWith(app("/login/oauth2/code/mock"));

            var landing = get(callback);
            assertThat(landing.statusCode()).isEqualTo(302);
            return landing;
        }

        private String location(HttpResponse<String> response) {
            return response.headers().firstValue("Location").orElseThrow();
        }

        private String app(String path) {
            return "http://localhost:" + port + path;
        }
    }
}
