package org.cadre.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.cadre.demo.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** After signing in, each role lands on a home page filled with its own real records. */
class TheHomePageShowsEachRoleItsOwnWork extends BrowserTest {

    @Test
    void aDistrictAdministratorSeesTheSizeOfTheNetworkAndRecentActivity() {
        signInAs(DemoAccounts.DISTRICT_ADMIN);

        var figures = browser.findElements(By.cssSelector(".cards [data-count]"));
        assertThat(figures)
                .extracting(figure -> figure.getDomAttribute("data-count"))
                .containsExactly("campuses", "staff", "students", "classes");
        assertThat(figures)
                .extracting(WebElement::getText)
                .allSatisfy(figure -> assertThat(Integer.parseInt(figure)).isPositive());
        assertThat(browser.findElements(By.id("recent-title"))).hasSize(1);
        assertThat(browser.findElements(By.id("my-classes"))).isEmpty();
    }

    @Test
    void aTeacherSeesTheirOwnClasses() {
        signInAs(DemoAccounts.TEACHER);

        assertThat(browser.findElements(By.cssSelector("#my-classes tbody tr"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector(".cards"))).isEmpty();
        assertThat(browser.findElements(By.id("recent-title"))).isEmpty();
    }

    @Test
    void aPrincipalSeesTheirOwnCampus() {
        signInAs(DemoAccounts.PRINCIPAL);
        var campus = jdbc.sql("select name from organization.campus where source_id = ?")
                .param(DemoAccounts.FIRST_CAMPUS)
                .query(String.class)
                .single();

        assertThat(browser.findElements(By.cssSelector("section[aria-labelledby=campuses-title] li a")))
                .extracting(WebElement::getText)
                .containsExactly(campus);
    }
}
