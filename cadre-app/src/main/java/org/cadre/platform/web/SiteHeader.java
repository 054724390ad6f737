package org.cadre.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cadre.shared.AccessRole;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.HtmlRows;
import org.cadre.shared.NavigationContributor;
import org.cadre.shared.NavigationEntry;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * The signed-in part of every page's header: the main navigation the person's roles allow, their name and roles,
 * and the sign-out form. Written here rather than by the template engine, whose loop over the navigation (three
 * attribute processors and a link per entry) was about a tenth of the people directory's processor time. The
 * navigation depends on nothing but the set of roles ({@link NavigationEntry#visibleTo}), so its HTML is kept per
 * set; the name, the roles and the sign-out form's CSRF token are written for each page. Every value is
 * HTML-escaped here; the layout inserts the result unescaped.
 */
@Component
class SiteHeader {

    private final List<NavigationEntry> entries;
    private final ConcurrentHashMap<NavigationKey, String> navigations = new ConcurrentHashMap<>();

    private record NavigationKey(String contextPath, Set<AccessRole> roles) {}

    SiteHeader(List<NavigationContributor> contributors) {
        this.entries = contributors.stream()
                .flatMap(c -> c.navigation().stream())
                .sorted(Comparator.comparingInt(NavigationEntry::order))
                .toList();
    }

    /** The navigation, the person and the sign-out form; {@code csrf} is null only where CSRF is not in use. */
    String html(CurrentUser user, String contextPath, CsrfToken csrf) {
        var roles = user.roles();
        var html = new StringBuilder(2048);
        html.append(navigations.computeIfAbsent(
                new NavigationKey(contextPath, roles), key -> navigation(user, key.contextPath())));
        html.append("\n<div class=\"who\">\n<span class=\"name\">");
        HtmlRows.escape(user.displayName(), html);
        html.append("</span>\n<span class=\"roles\">");
        int left = roles.size();
        for (var role : roles) {
            html.append("<span>");
            HtmlRows.escape(role.label(), html);
            html.append(--left > 0 ? ", </span>" : "</span>");
        }
        html.append("</span>\n<form action=\"");
        HtmlRows.escape(contextPath + "/sign-out", html);
        html.append("\" method=\"post\" class=\"inline\">");
        if (csrf != null) {
            html.append("<input type=\"hidden\" name=\"");
            HtmlRows.escape(csrf.getParameterName(), html);
            html.append("\" value=\"");
            HtmlRows.escape(csrf.getToken(), html);
            html.append("\">");
        }
        html.append("<button type=\"submit\" class=\"link\" id=\"sign-out\">Sign out</button></form>\n</div>");
        return html.toString();
    }

    private String navigation(CurrentUser user, String contextPath) {
        var html = new StringBuilder(1024);
        html.append("<nav aria-label=\"Main\">\n<ul class=\"nav\">\n<li><a href=\"");
        HtmlRows.escape(contextPath + "/", html);
        html.append("\" data-nav=\"home\">Home</a></li>");
        for (var entry : entries) {
            if (!entry.visibleTo(user)) {
                continue;
            }
            html.append("\n<li><a href=\"");
            HtmlRows.escape(contextPath + entry.path(), html);
            html.append("\" data-nav=\"");
            HtmlRows.escape(entry.path(), html);
            html.append("\">");
            HtmlRows.escape(entry.label(), html);
            html.append("</a></li>");
        }
        html.append("\n</ul>\n</nav>");
        return html.toString();
    }
}
