package org.hoptrace.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/** After the form login, provider users go to their hops in the portal; everyone else where they were going. */
class PortalLoginSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

    private final RequestCache requests = new HttpSessionRequestCache();

    PortalLoginSuccess() {
        setRequestCache(requests);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws ServletException, IOException {
        if (Roles.isProviderOnly(authentication)) {
            requests.removeRequest(request, response);
            clearAuthenticationAttributes(request);
            getRedirectStrategy().sendRedirect(request, response, "/portal");
            return;
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
