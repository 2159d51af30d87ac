package org.hoptrace.security;

import java.util.List;
import java.util.Map;

import org.operaton.bpm.engine.AuthorizationService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.authorization.Authorization;
import org.operaton.bpm.engine.authorization.Groups;
import org.operaton.bpm.engine.authorization.Permissions;
import org.operaton.bpm.engine.authorization.Resources;
import org.operaton.bpm.engine.identity.Group;
import org.operaton.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Creates the demo groups and users in Operaton's identity store when {@code hoptrace.demo-data} is
 * true (the default). Only what is missing is created, so restarts change nothing; an existing
 * user's password is never reset. The Tasklist filter "All tasks" comes from
 * {@code operaton.bpm.filter.create}, which the Operaton starter also creates only if absent.
 */
@Component
@ConditionalOnProperty(name = "hoptrace.engine", havingValue = "embedded", matchIfMissing = true)
@ConditionalOnProperty(name = "hoptrace.demo-data", havingValue = "true", matchIfMissing = true)
class DemoIdentities implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoIdentities.class);

    /** Group id -> display name. */
    static final Map<String, String> GROUPS = Map.of(
            "admin", "Hoptrace administrators",
            "itg-staff", "ITG staff",
            "legal-reviewer", "Legal reviewers",
            "legal-supervisor", "Legal supervisors",
            // provider users answer their provider's hops in the portal (linked in table provider_user)
            "provider", "Voice service providers",
            Groups.OPERATON_ADMIN, "Operaton administrators");

    /** User id -> the groups the user is a member of. */
    static final Map<String, List<String>> USERS = Map.of(
            "admin", List.of("admin", Groups.OPERATON_ADMIN),
            "staff", List.of("itg-staff"),
            "reviewer", List.of("legal-reviewer"),
            "supervisor", List.of("legal-supervisor"),
            // answers for the demo terminating provider (linked by DemoProviders)
            "carrier", List.of("provider"));

    private final IdentityService identities;
    private final AuthorizationService authorizations;
    private final String password;

    DemoIdentities(IdentityService identities, AuthorizationService authorizations,
                   @Value("${hoptrace.demo-password:hoptrace}") String password) {
        this.identities = identities;
        this.authorizations = authorizations;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        createMissing();
    }

    void createMissing() {
        GROUPS.forEach(this::createGroupIfAbsent);
        USERS.forEach(this::createUserIfAbsent);
        grantOperatonAdminsEverything();
    }

    private void createGroupIfAbsent(String id, String name) {
        if (identities.createGroupQuery().groupId(id).count() > 0) {
            return;
        }
        Group group = identities.newGroup(id);
        group.setName(name);
        group.setType(Groups.OPERATON_ADMIN.equals(id) ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
        identities.saveGroup(group);
        log.info("Created demo group {}", id);
    }

    private void createUserIfAbsent(String id, List<String> groups) {
        if (identities.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identities.newUser(id);
        user.setFirstName(Character.toUpperCase(id.charAt(0)) + id.substring(1));
        user.setLastName("(demo)");
        user.setEmail(id + "@hoptrace.invalid");
        user.setPassword(password);
        identities.saveUser(user);
        groups.forEach(group -> identities.createMembership(id, group));
        log.warn("Created demo user {} with the demo password: set hoptrace.demo-data=false in production", id);
    }

    /** Matters only when Operaton authorization checks are switched on: admins may do everything. */
    private void grantOperatonAdminsEverything() {
        for (Resources resource : Resources.values()) {
            boolean granted = authorizations.createAuthorizationQuery()
                    .groupIdIn(Groups.OPERATON_ADMIN).resourceType(resource).resourceId(Authorization.ANY).count() > 0;
            if (!granted) {
                Authorization all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                all.setGroupId(Groups.OPERATON_ADMIN);
                all.setResource(resource);
                all.setResourceId(Authorization.ANY);
                all.addPermission(Permissions.ALL);
                authorizations.saveAuthorization(all);
            }
        }
    }
}
