package org.cadre.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.cadre.demo.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Records outside a person's reach answer as if they did not exist ("Not found"), so that guessing addresses
 * reveals nothing; areas a role may not use answer "Not allowed".
 */
class StaffAreRefusedAnotherCampusesRecords extends BrowserTest {

    @Test
    void thePrincipalOfTheTeachersCampusOpensTheTeachersProfile() {
        signInAs(DemoAccounts.PRINCIPAL);

        open("/people/" + staffIdOf(DemoAccounts.TEACHER));

        assertThat(heading())
                .isEqualTo(DemoAccounts.byEmail(DemoAccounts.TEACHER).displayName());
    }

    @Test
    void thePrincipalOfAnotherCampusFindsNoSuchProfile() {
        signInAs(DemoAccounts.PRINCIPAL_2);

        open("/people/" + staffIdOf(DemoAccounts.TEACHER));

        assertNotFound();
        assertThat(browser.getPageSource()).doesNotContain(DemoAccounts.TEACHER);
    }

    @Test
    void aTeacherOpensTheirOwnClass() {
        signInAs(DemoAccounts.TEACHER);

        open("/classes/" + aClassOf(DemoAccounts.TEACHER));

        assertThat(browser.findElements(By.cssSelector("#students tbody tr"))).isNotEmpty();
    }

    @Test
    void aTeacherFindsNoSuchClassWhenItIsAnotherTeachersOnTheSameCampus() {
        signInAs(DemoAccounts.TEACHER);

        open("/classes/" + aClassOnTheSameCampusNotTaughtBy(DemoAccounts.TEACHER));

        assertNotFound();
    }

    @Test
    void aTeacherOfAnotherCampusFindsNoSuchClass() {
        signInAs(DemoAccounts.TEACHER_2);

        open("/classes/" + aClassOf(DemoAccounts.TEACHER));

        assertNotFound();
    }

    @Test
    void aTeacherIsNotAllowedInTheAuditTrail() {
        signInAs(DemoAccounts.TEACHER);

        open("/audit");

        assertThat(heading()).isEqualTo("Not allowed");
        assertThat(browser.findElement(By.cssSelector("main .status")).getText())
                .isEqualTo("Error 403");
    }

    private void assertNotFound() {
        assertThat(heading()).isEqualTo("Not found");
        assertThat(browser.findElement(By.cssSelector("main .status")).getText())
                .isEqualTo("Error 404");
    }

    private long aClassOf(String email) {
        return jdbc.sql("select min(class_id) from organization.teacher_of_record where staff_id = ?")
                .param(staffIdOf(email))
                .query(Long.class)
                .single();
    }

    private long aClassOnTheSameCampusNotTaughtBy(String email) {
        return jdbc.sql("""
                        select min(other.id) from organization.class_section mine
                        join organization.class_section other on other.campus_id = mine.campus_id
                        where mine.id = :mine and not exists (
                            select 1 from organization.teacher_of_record t where t.class_id = other.id and t.staff_id = :teacher)
                        """)
                .param("mine", aClassOf(email))
                .param("teacher", staffIdOf(email))
                .query(Long.class)
                .single();
    }
}
