package org.cadre.organization.roster;

import java.util.List;
import java.util.stream.Collectors;
import org.cadre.shared.AccessRole;

/**
 * How OneRoster roles become Cadre roles and back. Roles OneRoster has no word for are written as extension
 * values ({@code ext:coach} …), which the binding allows for every enumeration. A principal and a site
 * administrator are both campus administrators; Cadre writes {@code principal}.
 */
final class RosterRoles {

    record Mapping(String oneRoster, AccessRole role) {}

    /** The first mapping of each Cadre role is the one export writes. */
    static final List<Mapping> ALL = List.of(
            new Mapping("teacher", AccessRole.TEACHER),
            new Mapping("principal", AccessRole.CAMPUS_ADMIN),
            new Mapping("siteAdministrator", AccessRole.CAMPUS_ADMIN),
            new Mapping("districtAdministrator", AccessRole.DISTRICT_ADMIN),
            new Mapping("ext:coach", AccessRole.COACH),
            new Mapping("ext:appraiser", AccessRole.APPRAISER),
            new Mapping("ext:assessor", AccessRole.ASSESSOR),
            new Mapping("ext:plcLeader", AccessRole.PLC_LEADER),
            new Mapping("ext:mentorTeacher", AccessRole.MENTOR_TEACHER),
            new Mapping("ext:hr", AccessRole.HR));

    static String oneRoster(AccessRole role) {
        return ALL.stream()
                .filter(m -> m.role() == role)
                .findFirst()
                .map(Mapping::oneRoster)
                .orElseThrow();
    }

    /** The mapping as a temporary table of the import's transaction, for set-based SQL. */
    static String table() {
        return "create temp table roster_role (oneroster text primary key, role text not null, network_wide boolean not null)"
                + " on commit drop;\ninsert into roster_role values "
                + ALL.stream()
                        .map(m -> "('" + m.oneRoster() + "', '" + m.role().name() + "', "
                                + m.role().networkWide() + ")")
                        .collect(Collectors.joining(", "))
                + ";";
    }

    private RosterRoles() {}
}
