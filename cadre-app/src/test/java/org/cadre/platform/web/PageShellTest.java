package org.cadre.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.cadre.shared.AccessRole;
import org.cadre.shared.CadrePrincipal;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.Grant;
import org.cadre.shared.NavigationEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** Pages get the person and the header; redirects get nothing, or both would become query parameters. */
class PageShellTest {

    private final PageShell shell = new PageShell(
            new SiteHeader(List.of(() -> List.of(new NavigationEntry(10, "Campuses", "/campuses", Set.of())))));
    private final MockHttpServletRequest request = new MockHttpServletRequest();

    @BeforeEach
    void signIn() {
        var user = new CurrentUser(1, 2L, "t@cadre.test", "Tess Teacher", Set.of(new Grant(AccessRole.TEACHER, 3L)));
        CadrePrincipal principal = () -> user;
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(principal, null));
        request.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token-1"));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPageGetsThePersonAndTheHeader() {
        var page = new ModelAndView("home");

        shell.postHandle(request, new MockHttpServletResponse(), new Object(), page);

        assertThat(page.getModel().get("currentUser")).isInstanceOf(CurrentUser.class);
        assertThat((String) page.getModel().get("siteHeader"))
                .contains("Tess Teacher", "data-nav=\"/campuses\"", "value=\"token-1\"");
    }

    @Test
    void redirectsAndForwardsGetNothing() {
        for (var page : List.of(
                new ModelAndView("redirect:/people/1"),
                new ModelAndView("forward:/people"),
                new ModelAndView(new RedirectView("/people/1")))) {
            shell.postHandle(request, new MockHttpServletResponse(), new Object(), page);

            assertThat(page.getModel()).isEmpty();
        }
    }

    @Test
    void nobodySignedInGetsNoHeader() {
        SecurityContextHolder.clearContext();
        var page = new ModelAndView("sign-in");

        shell.postHandle(request, new MockHttpServletResponse(), new Object(), page);

        assertThat(page.getModel()).isEmpty();
    }
}
