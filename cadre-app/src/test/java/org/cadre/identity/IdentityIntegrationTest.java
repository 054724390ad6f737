package org.cadre.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.cadre.CadreIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Fixtures for the identity tests: accounts and staff made per test with unique emails (the database is shared
 * by the whole suite), requests made as one of them, and sign-ins from a client address of the test's own, so
 * that the per-address throttle of one test never refuses another's.
 */
abstract class IdentityIntegrationTest extends CadreIntegrationTest {

    static final String PASSWORD = "correct horse battery";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    SignedInUsers users;

    @LocalServerPort
    int port;

    /** This test's client address for sign-ins. */
    final String client = "10.%d.%d.%d"
            .formatted(
                    ThreadLocalRandom.current().nextInt(256),
                    ThreadLocalRandom.current().nextInt(256),
                    ThreadLocalRandom.current().nextInt(1, 255));

    static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@identity.test";
    }

    /** An account with {@link #PASSWORD}, linked to no staff member. */
    Account account(String who) {
        long id = accounts.insert(email(who), "Test " + who, passwordEncoder.encode(PASSWORD), null, false);
        return accounts.byId(id).orElseThrow();
    }

    /** A system administrator's account, which holds the district administrator role. */
    Account administrator() {
        long id = accounts.insert(email("admin"), "Test administrator", passwordEncoder.encode(PASSWORD), null, true);
        return accounts.byId(id).orElseThrow();
    }

    Account reload(Account account) {
        return accounts.byId(account.id()).orElseThrow();
    }

    /** A staff member on the roster, with no account. */
    long staffMember(String email) {
        long id = jdbc.sql("""
                        insert into organization.staff (source_id, given_name, family_name, email)
                        values (?, 'Rostered', 'Teacher', ?) returning id
                        """)
                .params("identity-test-" + UUID.randomUUID(), email)
                .query(Long.class)
                .single();
        rosterInTheEarliestYear(jdbc, id);
        return id;
    }

    /**
     * A rostered staff member holds a role; one in the earliest school year keeps the current year's access and
     * directories as the demo network has them, and keeps exported rosters importable.
     */
    static void rosterInTheEarliestYear(org.springframework.jdbc.core.simple.JdbcClient jdbc, long staffId) {
        jdbc.sql("""
                        insert into organization.role_assignment (staff_id, school_year_id, campus_id, role)
                        select ?, (select id from organization.school_year order by begins_on limit 1),
                               (select id from organization.campus order by source_id limit 1), 'TEACHER'
                        """).param(staffId).update();
    }

    /** Requests made as the account's owner, signed in. */
    RequestPostProcessor as(Account account) {
        return user(new AccountPrincipal(users.of(account), null, true, false));
    }

    /** Requests made from this test's client address. */
    RequestPostProcessor fromClient() {
        return fromClient(client);
    }

    static RequestPostProcessor fromClient(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** Posts the sign-in form, as a browser would. */
    MvcResult signInAttempt(String email, String password) throws Exception {
        return mvc.perform(post("/sign-in")
                        .param("email", email)
                        .param("password", password)
                        .with(csrf())
                        .with(fromClient()))
                .andReturn();
    }

    /** Signs in with the form and returns the session that carries the sign-in. */
    MockHttpSession signIn(String email, String password) throws Exception {
        var result = signInAttempt(email, password);
        if (!"/".equals(result.getResponse().getRedirectedUrl())) {
            throw new AssertionError("sign-in failed: " + result.getResponse().getRedirectedUrl());
        }
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    long auditEntries(Account account) {
        return jdbc.sql("select count(*) from audit.audit_entry where entity_type = 'account' and entity_id = ?")
                .param(String.valueOf(account.id()))
                .query(Long.class)
                .single();
    }

    /** A request to the running server, over real HTTP, that follows no redirect. */
    HttpResponse<String> http(HttpRequest.Builder request) throws Exception {
        try (var client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET();
    }
}
