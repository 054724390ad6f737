package org.cadre.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

import org.cadre.CadreIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** The small demo network the test suite starts with: loaded once, with a working account for every role. */
class DemoNetworkLoaderTests extends CadreIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoNetworkLoader loader;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    MockMvc mvc;

    @Test
    void everyDemoAccountIsLinkedToItsStaffMemberWithItsRoleOnItsCampusThisYear() {
        for (var account : DemoAccounts.ALL) {
            var roles = jdbc.sql("""
                            select ra.role, c.source_id
                            from identity.account a
                            join organization.staff s on s.id = a.staff_id and lower(s.email) = lower(a.email)
                            join organization.role_assignment ra on ra.staff_id = s.id
                            join organization.school_year y on y.id = ra.school_year_id and y.is_current
                            left join organization.campus c on c.id = ra.campus_id
                            where a.email = ? and a.active and s.active
                            """)
                    .param(account.email())
                    .query((rs, n) -> rs.getString("role") + "@" + rs.getString("source_id"))
                    .list();
            assertThat(roles).as(account.email()).containsExactly(account.role() + "@" + account.campusSourceId());
        }
    }

    @Test
    void theDemoAccountsShareOneArgon2HashOfTheDemoPassword() {
        var hashes = jdbc.sql("select distinct password_hash from identity.account where email like '%@cadre.demo'")
                .query(String.class)
                .list();
        assertThat(hashes).hasSize(1);
        assertThat(hashes.getFirst()).startsWith("{argon2}");
        assertThat(passwords.matches(DemoAccounts.PASSWORD, hashes.getFirst())).isTrue();
    }

    @Test
    void aDemoAccountSignsInWithTheDemoPassword() throws Exception {
        mvc.perform(formLogin("/sign-in")
                        .userParameter("email")
                        .passwordParam("password")
                        .user(DemoAccounts.TEACHER)
                        .password(DemoAccounts.PASSWORD))
                .andExpect(authenticated().withUsername(DemoAccounts.TEACHER));
    }

    @Test
    void theSmallNetworkIsInTheDatabaseAsGenerated() {
        var tally = new NetworkTally();
        new DemoNetworkGenerator(NetworkSize.SMALL, 2026).generate(tally);

        assertThat(count("select count(*) from organization.network where source_id = 'network'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from organization.campus where source_id ~ '^campus-[0-9]{4}$'"))
                .isEqualTo(tally.campuses);
        assertThat(count("select count(*) from organization.staff where source_id ~ '^staff-[0-9]{6}$'"))
                .isEqualTo(tally.staff);
        assertThat(count("select count(*) from organization.student where source_id ~ '^student-[0-9]{7}$'"))
                .isEqualTo(tally.students);
        assertThat(count("""
                        select count(*) from organization.enrollment e
                        join organization.class_section c on c.id = e.class_id where c.source_id ~ '^class-[0-9]{8}$'
                        """)).isEqualTo(tally.enrollments);
        assertThat(count("select count(*) from organization.school_year where is_current and name = '2025-2026'"))
                .isEqualTo(1);
    }

    @Test
    void theDemoTeacherTeachesClassesWithStudentsThisYear() {
        long students = count("""
                select count(distinct e.student_id)
                from organization.staff s
                join organization.teacher_of_record t on t.staff_id = s.id
                join organization.class_section c on c.id = t.class_id
                join organization.term term on term.id = c.term_id
                join organization.school_year y on y.id = term.school_year_id and y.is_current
                join organization.enrollment e on e.class_id = c.id
                where s.email = '%s'
                """.formatted(DemoAccounts.TEACHER));
        assertThat(students).isGreaterThan(10);
    }

    @Test
    void theLoadIsRecordedInTheAuditTrail() {
        var summaries = jdbc.sql("select summary from audit.audit_entry where entity_type = 'DemoNetwork'")
                .query(String.class)
                .list();
        assertThat(summaries).singleElement().asString().startsWith("Demo network 'small' loaded: 3 campuses");
    }

    @Test
    void loadingAgainLoadsNothing() {
        long staff = count("select count(*) from organization.staff");
        long enrollments = count("select count(*) from organization.enrollment");

        assertThat(loader.load(NetworkSize.SMALL, 2026)).isEmpty();
        assertThat(loader.load(NetworkSize.DEMO, 99)).isEmpty();

        assertThat(count("select count(*) from organization.staff")).isEqualTo(staff);
        assertThat(count("select count(*) from organization.enrollment")).isEqualTo(enrollments);
        assertThat(count("select count(*) from organization.network")).isEqualTo(1);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
