package org.cadre.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cadre.shared.CurrentUsers;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;
import org.springframework.web.servlet.view.UrlBasedViewResolver;

/**
 * Gives every page the signed-in person ({@code currentUser}) and the header their roles allow
 * ({@code siteHeader}, see {@link SiteHeader}). An interceptor rather than controller advice: advice's model
 * methods were looked up, wrapped and invoked by reflection for every request, REST calls included, a twentieth of
 * the people directory's processor time; this runs only where a page is rendered.
 */
@Component
class PageShell implements HandlerInterceptor {

    private final SiteHeader header;

    PageShell(SiteHeader header) {
        this.header = header;
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page != null && !isRedirectOrForward(page)) {
            addTo(page, request);
        }
    }

    /** Also for views chosen by exception handlers, which interceptors do not see. */
    void addTo(ModelAndView page, HttpServletRequest request) {
        CurrentUsers.find().ifPresent(user -> {
            page.addObject("currentUser", user);
            page.addObject("siteHeader", header.html(user, request.getContextPath(), (CsrfToken)
                    request.getAttribute(CsrfToken.class.getName())));
        });
    }

    // Model attributes of a redirect would become its query parameters.
    private static boolean isRedirectOrForward(ModelAndView page) {
        if (page.getView() instanceof SmartView view && view.isRedirectView()) {
            return true;
        }
        var name = page.getViewName();
        return name != null
                && (name.startsWith(UrlBasedViewResolver.REDIRECT_URL_PREFIX)
                        || name.startsWith(UrlBasedViewResolver.FORWARD_URL_PREFIX));
    }
}
