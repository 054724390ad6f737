package org.cadre.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.cadre.demo.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Typing into the people search narrows the table in place: htmx fetches the results fragment and swaps it in,
 * without reloading the page, and sends the CSRF token in the header that {@code cadre.js} adds.
 */
class ThePeopleSearchUpdatesAsYouType extends BrowserTest {

    @Test
    void typingANameNarrowsThePeopleTableWithoutReloadingThePage() {
        signInAs(DemoAccounts.DISTRICT_ADMIN);
        open("/people");
        var familyName = DemoAccounts.byEmail(DemoAccounts.TEACHER).familyName();
        assertThat(rows()).as("the unfiltered first page").anyMatch(row -> !mentions(row, familyName));
        browser.executeScript("""
                window.cadreSamePage = true;
                document.addEventListener("htmx:configRequest", (event) => { window.cadreLastHeaders = event.detail.headers; });
                """);

        browser.findElement(By.id("q")).sendKeys(familyName);

        waitUntil(page -> {
            var rows = rows();
            return !rows.isEmpty() && rows.stream().allMatch(row -> mentions(row, familyName));
        });
        assertThat(rows()).anyMatch(row -> row.contains(DemoAccounts.TEACHER));
        assertThat(browser.executeScript("return window.cadreSamePage === true"))
                .as("no full page load")
                .isEqualTo(true);
        assertThat(browser.getCurrentUrl()).as("the pushed address").contains("q=" + familyName);
        assertThat(browser.executeScript("""
                        const header = document.querySelector('meta[name="csrf-header"]').content;
                        const token = document.querySelector('meta[name="csrf-token"]').content;
                        return window.cadreLastHeaders[header] === token && window.cadreLastHeaders["HX-Request"] === "true";
                        """))
                .as("the htmx request carried the CSRF token")
                .isEqualTo(true);
    }

    @Test
    void choosingACampusShowsOnlyPeopleWithARoleThere() {
        signInAs(DemoAccounts.DISTRICT_ADMIN);
        open("/people");
        var campus = new Select(browser.findElement(By.id("campus")));
        assertThat(campus.getOptions()).as("every campus and 'All campuses'").hasSizeGreaterThan(2);
        var chosen = campus.getOptions().get(2).getText();

        campus.selectByVisibleText(chosen);

        waitUntil(page -> {
            var rows = rows();
            return !rows.isEmpty() && rows.stream().allMatch(row -> row.contains("@ " + chosen));
        });
        assertThat(new Select(browser.findElement(By.id("campus")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo(chosen);
        assertThat(browser.getCurrentUrl()).as("the pushed address").contains("campus=");
    }

    private List<String> rows() {
        return browser.findElements(By.cssSelector("#people tbody tr")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static boolean mentions(String row, String text) {
        return row.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
    }
}
