package org.cadre.identity;

import static org.springframework.security.config.Customizer.withDefaults;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may reach which URL. Pages use a session from the sign-in form or an OpenID Connect provider; the REST
 * API accepts the same session or a personal API token. Coarse rules live here; which records a person may
 * see is decided by each capability against the signed-in person's campus grants.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                    + "script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        var encoders = new java.util.HashMap<String, PasswordEncoder>();
        encoders.put("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        encoders.put("bcrypt", PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return new DelegatingPasswordEncoder("argon2", encoders);
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            ApiTokens tokens,
            Accounts accounts,
            SignedInUsers users,
            JsonMapper json,
            ObjectProvider<ClientRegistrationRepository> clientRegistrations,
            OidcSignIn oidcSignIn,
            ClientSignInThrottle throttle)
            throws Exception {
        var problemEntryPoint = new ProblemAuthenticationEntryPoint(json);
        var unauthenticated = new UnauthenticatedRequests(problemEntryPoint);
        RequestMatcher bearer = BearerTokenFilter::carriesBearer;

        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/sign-in",
                                "/css/**",
                                "/js/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/error",
                                "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/admin/**", "/api/v1/admin/**", "/audit/**", "/api/v1/audit/**")
                        .hasRole("DISTRICT_ADMIN")
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/sign-in")
                        .loginProcessingUrl("/sign-in")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(new SignInFailureHandler(accounts, throttle)))
                .logout(logout -> logout.logoutUrl("/sign-out")
                        .logoutSuccessUrl("/sign-in?signed-out")
                        .deleteCookies("JSESSIONID"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(bearer))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .invalidSessionStrategy(unauthenticated))
                // One entry point for every request, instead of formLogin's, which only redirects requests whose
                // Accept header looks like a browser's and leaves curl or a bookmark fetcher with a bare 401.
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthenticated))
                .addFilterBefore(
                        new BearerTokenFilter(tokens, accounts, users, problemEntryPoint),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new ClientThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .httpStrictTransportSecurity(withDefaults()));
        if (clientRegistrations.getIfAvailable() != null) {
            http.oauth2Login(oauth -> oauth.loginPage("/sign-in")
                    .failureUrl("/sign-in?error=oidc")
                    .defaultSuccessUrl("/", false)
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcSignIn)));
        }
        return http.build();
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
