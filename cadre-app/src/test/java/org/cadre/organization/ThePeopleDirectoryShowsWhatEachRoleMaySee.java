package org.cadre.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import org.cadre.CadreIntegrationTest;
import org.cadre.demo.DemoAccounts;
import org.cadre.shared.AccessRole;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The people directory's lines: who a search finds, the count of all matches, paging, and each line's roles this
 * year labelled with their campus — checked against the roster tables read directly.
 */
class ThePeopleDirectoryShowsWhatEachRoleMaySee extends CadreIntegrationTest {

    @Autowired
    Directory directory;

    @Autowired
    RoleAssignments roles;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSearchFindsThePersonWithTheirRolesAndCampus() {
        var principal = DemoAccounts.byEmail(DemoAccounts.PRINCIPAL);

        var found = directory.search(
                user(DemoAccounts.DISTRICT_ADMIN),
                new PeopleQuery(principal.familyName().toUpperCase().substring(0, 3), null, null, false),
                new PageRequest(0, 200));

        var line = found.items().stream()
                .filter(p -> DemoAccounts.PRINCIPAL.equalsIgnoreCase(p.email()))
                .findFirst()
                .orElseThrow();
        assertThat(line.roles()).isEqualTo("Campus administrator @ " + campusName(DemoAccounts.FIRST_CAMPUS));
        assertThat(found.totalItems()).isEqualTo(found.items().size());
        assertThat(found.items())
                .allSatisfy(p -> assertThat(p.givenName().toLowerCase().startsWith(prefix(principal))
                                || p.familyName().toLowerCase().startsWith(prefix(principal))
                                || (p.email() != null && p.email().toLowerCase().startsWith(prefix(principal)))
                                || (p.employeeId() != null
                                        && p.employeeId().toLowerCase().startsWith(prefix(principal))))
                        .isTrue());
    }

    @Test
    void aPrincipalFiltersTheirCampusByRoleAPageAtATime() {
        var principal = user(DemoAccounts.PRINCIPAL);
        long campusId = campusId(DemoAccounts.FIRST_CAMPUS);
        long teachers = jdbc.sql("""
                        select count(distinct ra.staff_id) from organization.role_assignment ra
                        join organization.school_year y on y.id = ra.school_year_id and y.is_current
                        join organization.staff s on s.id = ra.staff_id and s.active
                        where ra.campus_id = ? and ra.role = 'TEACHER'
                        """).param(campusId).query(Long.class).single();
        assertThat(teachers).isGreaterThan(2);

        var query = new PeopleQuery(null, null, AccessRole.TEACHER, false);
        var first = directory.search(principal, query, new PageRequest(0, 2));
        var second = directory.search(principal, query, new PageRequest(1, 2));

        assertThat(first.totalItems()).isEqualTo(teachers);
        assertThat(second.totalItems()).isEqualTo(teachers);
        assertThat(first.items()).hasSize(2);
        var seen = new HashSet<Long>();
        first.items().forEach(p -> seen.add(p.id()));
        second.items().forEach(p -> assertThat(seen.add(p.id())).isTrue());
        var everyone =
                directory.search(principal, query, new PageRequest(0, 200)).items();
        assertThat(everyone).hasSize((int) teachers);
        assertThat(everyone)
                .allSatisfy(p -> assertThat(p.roles()).contains("Teacher @ " + campusName(DemoAccounts.FIRST_CAMPUS)));
        assertThat(everyone)
                .isSortedAccordingTo(java.util.Comparator.comparing(
                                (StaffSummary p) -> p.familyName().toLowerCase())
                        .thenComparing(p -> p.givenName().toLowerCase()));
    }

    @Test
    void aLineNamesEveryRoleOnceByRoleThenCampus() {
        var line = Directory.rolesLine(
                new String[] {"TEACHER:2", "HR:", "TEACHER:1", "APPRAISER:1"}, Map.of(1L, "Alder", 2L, "Birch"));

        assertThat(line).isEqualTo("Appraiser @ Alder; HR / compensation; Teacher @ Alder; Teacher @ Birch");
        assertThat(Directory.rolesLine(new String[0], Map.of())).isEmpty();
    }

    private static String prefix(DemoAccounts.DemoAccount account) {
        return account.familyName().toLowerCase().substring(0, 3);
    }

    private long campusId(String sourceId) {
        return jdbc.sql("select id from organization.campus where source_id = ?")
                .param(sourceId)
                .query(Long.class)
                .single();
    }

    private String campusName(String sourceId) {
        return jdbc.sql("select name from organization.campus where source_id = ?")
                .param(sourceId)
                .query(String.class)
                .single();
    }

    private CurrentUser user(String email) {
        var row = jdbc.sql("select id, staff_id from identity.account where lower(email) = lower(?)")
                .param(email)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        var account = DemoAccounts.byEmail(email);
        return new CurrentUser(row[0], row[1], email, account.displayName(), roles.currentGrantsOf(row[1]));
    }
}
