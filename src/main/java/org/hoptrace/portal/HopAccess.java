package org.hoptrace.portal;

import java.util.Optional;
import java.util.UUID;

import org.hoptrace.portal.PortalRefusedException.Why;
import org.hoptrace.provider.ProviderRepository;
import org.hoptrace.security.ProviderPrincipal;
import org.hoptrace.security.Roles;
import org.hoptrace.traceback.Hop;
import org.hoptrace.traceback.ResponseLinks;
import org.hoptrace.traceback.TracebackRepository;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may see which hop. A provider sees its own hops: through its API credentials, as a provider
 * user (table provider_user), or with the signed response link of one hop. Staff see every hop.
 * Another provider's hop is "not found", exactly like a hop that does not exist.
 */
@Component
class HopAccess {

    /** Recorded as {@code answered_by} when an answer comes through a response link. */
    static final String RESPONSE_LINK = "response link";
    /** Recorded as {@code answered_by} when an answer comes with the provider's API credentials. */
    static final String API_KEY = "api key";

    private final TracebackRepository tracebacks;
    private final ProviderRepository providers;
    private final ResponseLinks links;

    HopAccess(TracebackRepository tracebacks, ProviderRepository providers, ResponseLinks links) {
        this.tracebacks = tracebacks;
        this.providers = providers;
        this.links = links;
    }

    /** The provider the caller acts for: its API credentials' provider, or a provider user's provider. */
    Optional<UUID> providerOf(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof ProviderPrincipal provider) {
            return Optional.of(provider.providerId());
        }
        boolean providerUser = authentication.getAuthorities().stream()
                .anyMatch(role -> role.getAuthority().equals("ROLE_" + Roles.PROVIDER));
        return providerUser ? providers.providerOfUser(authentication.getName()) : Optional.empty();
    }

    /** API reads: staff see every hop, a provider its own. */
    Hop visibleHop(UUID hopId, Authentication authentication) {
        if (Roles.isStaff(authentication)) {
            return tracebacks.findHop(hopId).orElseThrow(() -> new HopNotFoundException(hopId));
        }
        return ownHop(hopId, authentication);
    }

    /** API answers: only the hop's own provider. */
    Hop ownHop(UUID hopId, Authentication authentication) {
        Optional<UUID> provider = providerOf(authentication);
        return tracebacks.findHop(hopId).filter(hop -> provider.isPresent() && hop.providerId().equals(provider.get()))
                .orElseThrow(() -> new HopNotFoundException(hopId));
    }

    /** Portal pages: a valid response link for this hop, or a provider user of the hop's provider. */
    Hop portalHop(UUID hopId, String token, Authentication authentication) {
        if (token != null && !token.isBlank()) {
            if (!links.verify(token).map(hopId::equals).orElse(false)) {
                throw new PortalRefusedException(Why.LINK_NOT_VALID);
            }
            return tracebacks.findHop(hopId).orElseThrow(() -> new PortalRefusedException(Why.NOT_FOUND));
        }
        Optional<UUID> provider = providerOf(authentication);
        if (provider.isEmpty()) {
            throw new PortalRefusedException(Why.LINK_NOT_VALID);
        }
        return tracebacks.findHop(hopId).filter(hop -> hop.providerId().equals(provider.get()))
                .orElseThrow(() -> new PortalRefusedException(Why.NOT_FOUND));
    }

    /** Evidence downloads in the browser: as {@link #portalHop}, and staff logged in to the console. */
    Hop downloadableHop(UUID hopId, String token, Authentication authentication) {
        if ((token == null || token.isBlank()) && Roles.isStaff(authentication)) {
            return tracebacks.findHop(hopId).orElseThrow(() -> new PortalRefusedException(Why.NOT_FOUND));
        }
        return portalHop(hopId, token, authentication);
    }

    /** Whether the visitor may search the provider registry: any valid response link, a provider or staff. */
    boolean maySearchProviders(String token, Authentication authentication) {
        return links.verify(token).isPresent() || providerOf(authentication).isPresent() || Roles.isStaff(authentication);
    }

    /** Who answers, for the record: the provider's API key, the provider user, or the response link. */
    String answeredBy(Authentication authentication, Hop hop) {
        if (providerOf(authentication).filter(hop.providerId()::equals).isEmpty()) {
            return RESPONSE_LINK;
        }
        return authentication.getPrincipal() instanceof ProviderPrincipal ? API_KEY : authentication.getName();
    }
}
