package org.cadre.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.cadre.demo.DemoAccounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/** The first Tab on a page reaches the "Skip to content" link, shown on screen, past the navigation. */
class KeyboardUsersCanSkipToContent extends BrowserTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/people", "/campuses"})
    void theFirstTabFocusesSkipToContent(String path) {
        signInAs(DemoAccounts.PRINCIPAL);
        open(path);

        new Actions(browser).sendKeys(Keys.TAB).perform();

        var focused = browser.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Skip to content");
        assertThat(focused.getDomAttribute("href")).isEqualTo("#main");
        assertThat(focused.getRect().getX()).as("shown on screen when focused").isNotNegative();
        assertThat(focused.isDisplayed()).isTrue();
    }
}
