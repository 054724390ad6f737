package org.cadre.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cadre.demo.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The main navigation offers each role the areas it may use, and nothing more. */
class EachRoleSeesItsOwnNavigation extends BrowserTest {

    @Test
    void aDistrictAdministratorSeesEveryArea() {
        signInAs(DemoAccounts.DISTRICT_ADMIN);

        assertThat(navigation()).contains("Home", "Campuses", "People", "Audit trail", "Accounts", "API tokens");
        assertThat(signedInAs())
                .isEqualTo(DemoAccounts.byEmail(DemoAccounts.DISTRICT_ADMIN).displayName());
    }

    @Test
    void hrSeesPeopleButNeitherTheAuditTrailNorAccounts() {
        signInAs(DemoAccounts.HR);

        assertThat(navigation()).contains("Home", "Campuses", "People", "API tokens");
        assertThat(navigation()).doesNotContain("Audit trail", "Accounts");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {DemoAccounts.PRINCIPAL, DemoAccounts.PRINCIPAL_2, DemoAccounts.APPRAISER, DemoAccounts.COACH})
    void campusLeadersSeePeopleButNotTheAuditTrail(String email) {
        signInAs(email);

        assertThat(navigation()).contains("Home", "Campuses", "People", "API tokens");
        assertThat(navigation()).doesNotContain("Audit trail", "Accounts");
        assertThat(signedInAs()).isEqualTo(DemoAccounts.byEmail(email).displayName());
    }

    @ParameterizedTest
    @ValueSource(strings = {DemoAccounts.TEACHER, DemoAccounts.TEACHER_2, DemoAccounts.ASSESSOR})
    void teachersAndAssessorsSeeNeitherPeopleNorTheAuditTrail(String email) {
        signInAs(email);

        assertThat(navigation()).contains("Home", "Campuses", "API tokens");
        assertThat(navigation()).doesNotContain("People", "Audit trail", "Accounts");
    }

    @Test
    void eachEntryLeadsToItsPage() {
        signInAs(DemoAccounts.DISTRICT_ADMIN);
        for (var label : List.of("Campuses", "People", "Audit trail")) {
            WebElement link = browser.findElement(By.linkText(label));
            var path = link.getDomAttribute("data-nav");
            link.click();
            waitForNewPage(link);

            assertThat(currentPath()).as(label).isEqualTo(path);
            assertThat(heading()).as(label).isNotIn("Not found", "Not allowed", "Something went wrong");
        }
    }

    /** The labels of the main navigation's entries, as a reader sees them. */
    private List<String> navigation() {
        return browser.findElements(By.cssSelector("nav[aria-label=Main] a[data-nav]")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private String signedInAs() {
        return browser.findElement(By.cssSelector(".site-header .who .name")).getText();
    }
}
