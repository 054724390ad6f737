package org.cadre.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Requests without a valid session, over real HTTP: a page goes to the sign-in page whatever the Accept header,
 * the REST API answers 401 with a problem, and htmx is told to send the whole page to sign-in.
 */
class UnauthenticatedRequestsTest extends IdentityIntegrationTest {

    @Test
    void aPageRequestedWithoutASessionRedirectsToSignInWhateverTheAcceptHeader() throws Exception {
        for (var accept : new String[] {"*/*", "text/html", "application/json"}) {
            var response = http(request("/").header("Accept", accept));

            assertThat(response.statusCode()).as(accept).isEqualTo(302);
            assertThat(response.headers().firstValue("Location"))
                    .as(accept)
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/sign-in"));
        }
    }

    @Test
    void aPageRequestedWithoutAnyAcceptHeaderRedirectsToSignIn() throws Exception {
        var response = http(request("/account/tokens"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in"));
    }

    @Test
    void theApiAnswersWithoutASessionWithA401Problem() throws Exception {
        for (var accept : new String[] {"*/*", "text/html", "application/json"}) {
            var response = http(request("/api/v1/me").header("Accept", accept));

            assertThat(response.statusCode()).as(accept).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("\"status\":401").contains("Not signed in");
        }
    }

    @Test
    void anHtmxRequestWithoutASessionIsToldToSendTheWholePageToSignIn() throws Exception {
        var response = http(request("/admin/accounts?q=x").header("HX-Request", "true"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("HX-Redirect")).hasValue("/sign-in");
    }

    @Test
    void anHtmxRequestWithAnExpiredSessionIsToldToSendTheWholePageToSignIn() throws Exception {
        var response = http(request("/admin/accounts?q=x")
                .header("HX-Request", "true")
                .header("Cookie", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("HX-Redirect"))
                .hasValueSatisfying(location -> assertThat(location).startsWith("/sign-in"));
    }

    @Test
    void aTamperedSessionCookieOnAPageRedirectsToSignIn() throws Exception {
        var response = http(request("/").header("Cookie", "JSESSIONID=garbage-that-no-server-issued"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).contains("/sign-in"));
    }

    @Test
    void aTamperedSessionCookieOnTheApiGetsA401Problem() throws Exception {
        var response = http(request("/api/v1/me").header("Cookie", "JSESSIONID=garbage-that-no-server-issued"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void theSignInPageItselfNeedsNoSession() throws Exception {
        var response = http(request("/sign-in"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Sign in to Cadre");
    }
}
