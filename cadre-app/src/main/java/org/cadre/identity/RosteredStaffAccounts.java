package org.cadre.identity;

import java.util.ArrayList;
import org.cadre.audit.AuditTrail;
import org.cadre.organization.StaffRostered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Gives rostered staff their sign-in accounts once a roster import has committed: an account with the staff
 * member's email and no password (they sign in through their identity provider) for each one who has none, and
 * the link to their staff record for an account that already has their email. Set-based, so a network's
 * thousands of staff take one statement each way.
 */
@Component
class RosteredStaffAccounts {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    RosteredStaffAccounts(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(StaffRostered event) {
        var ids = new ArrayList<Long>();
        var emails = new ArrayList<String>();
        var names = new ArrayList<String>();
        for (var staff : event.staff()) {
            if (staff.email() != null && !staff.email().isBlank()) {
                ids.add(staff.staffId());
                emails.add(staff.email().strip());
                names.add(staff.displayName());
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        var idArray = ids.toArray(Long[]::new);
        var emailArray = emails.toArray(String[]::new);
        int linked = jdbc.sql("""
                        update identity.account a set staff_id = r.staff_id, version = a.version + 1
                        from unnest(?::bigint[], ?::text[]) as r(staff_id, email)
                        where lower(a.email) = lower(r.email) and a.staff_id is null
                        """).params(idArray, emailArray).update();
        int created = jdbc.sql("""
                        insert into identity.account (email, display_name, staff_id)
                        select r.email, r.name, r.staff_id
                        from unnest(?::bigint[], ?::text[], ?::text[]) as r(staff_id, email, name)
                        where not exists (select 1 from identity.account a where lower(a.email) = lower(r.email))
                        on conflict do nothing
                        """)
                .params(idArray, emailArray, names.toArray(String[]::new))
                .update();
        if (linked + created > 0) {
            audit.created(
                    "roster_accounts",
                    event.importId(),
                    null,
                    "Sign-in accounts for rostered staff: " + created + " opened, " + linked + " linked",
                    java.util.Map.of("opened", created, "linked", linked));
        }
    }
}
