package org.cadre.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.cadre.shared.AccessRole;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.Grant;
import org.cadre.shared.NavigationEntry;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * The header is written outside the template engine and its navigation is kept per set of roles, so it must
 * still differ by role, never show one person's name to another, and escape what it writes.
 */
class SiteHeaderTest {

    private final SiteHeader header = new SiteHeader(List.of(
            () -> List.of(
                    new NavigationEntry(20, "People", "/people", Set.of(AccessRole.DISTRICT_ADMIN)),
                    new NavigationEntry(10, "Campuses", "/campuses", Set.of())),
            () -> List.of(new NavigationEntry(90, "Audit & <trail>", "/audit", Set.of(AccessRole.DISTRICT_ADMIN)))));

    private static final DefaultCsrfToken CSRF = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "t\"ok<en>");

    @Test
    void eachRoleSeesItsOwnEntriesInOrder() {
        var admin = header.html(user("Ana Admin", AccessRole.DISTRICT_ADMIN), "", CSRF);
        var teacher = header.html(user("Tom Teacher", AccessRole.TEACHER), "", CSRF);

        assertThat(admin)
                .containsSubsequence(
                        "<a href=\"/\" data-nav=\"home\">Home</a>",
                        "<a href=\"/campuses\" data-nav=\"/campuses\">Campuses</a>",
                        "<a href=\"/people\" data-nav=\"/people\">People</a>",
                        "<a href=\"/audit\" data-nav=\"/audit\">Audit &amp; &lt;trail&gt;</a>");
        assertThat(teacher).contains("Campuses").doesNotContain("People", "Audit");
        // Asked again after the teacher, the administrator's kept navigation is still theirs.
        assertThat(header.html(user("Ana Admin", AccessRole.DISTRICT_ADMIN), "", CSRF))
                .isEqualTo(admin);
    }

    @Test
    void peopleWithTheSameRolesSeeTheirOwnNamesAndRoles() {
        var first = header.html(user("First Person", AccessRole.TEACHER, AccessRole.HR), "", CSRF);
        var second = header.html(user("Second Person", AccessRole.HR, AccessRole.TEACHER), "", CSRF);

        assertThat(first).contains("<span class=\"name\">First Person</span>").doesNotContain("Second");
        assertThat(second).contains("<span class=\"name\">Second Person</span>").doesNotContain("First");
        assertThat(second)
                .contains("<span class=\"roles\"><span>Teacher, </span><span>HR / compensation</span></span>");
    }

    @Test
    void theNameAndTheTokenAreEscaped() {
        var html = header.html(user("<script>alert('x')</script> & \"Co\"", AccessRole.TEACHER), "", CSRF);

        assertThat(html)
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;")
                .doesNotContain("<script>")
                .contains("<input type=\"hidden\" name=\"_csrf\" value=\"t&quot;ok&lt;en&gt;\">");
    }

    @Test
    void linksAndTheSignOutFormCarryTheContextPath() {
        var html = header.html(user("Ana Admin", AccessRole.DISTRICT_ADMIN), "/cadre", CSRF);

        assertThat(html)
                .contains("<a href=\"/cadre/\" data-nav=\"home\">")
                .contains("<a href=\"/cadre/people\" data-nav=\"/people\">")
                .contains("<form action=\"/cadre/sign-out\" method=\"post\"");
        assertThat(header.html(user("Ana Admin", AccessRole.DISTRICT_ADMIN), "", CSRF))
                .contains("<a href=\"/people\" data-nav=\"/people\">");
    }

    private static CurrentUser user(String name, AccessRole... roles) {
        var grants = new java.util.HashSet<Grant>();
        for (var role : roles) {
            grants.add(new Grant(role, null));
        }
        return new CurrentUser(1, 2L, "someone@cadre.test", name, grants);
    }
}
