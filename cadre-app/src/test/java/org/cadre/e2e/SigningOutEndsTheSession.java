package org.cadre.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.cadre.demo.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Signing out ends the session for good: the next page asks to sign in again. */
class SigningOutEndsTheSession extends BrowserTest {

    @Test
    void signingOutLeadsBackToSignInAndHomeAsksForItAgain() {
        signInAs(DemoAccounts.TEACHER);

        browser.findElement(By.id("sign-out")).click();

        var notice = waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .alert.info")));
        assertThat(notice.getText()).isEqualTo("You are signed out.");
        assertThat(currentPath()).isEqualTo("/sign-in");
        assertThat(browser.findElements(By.id("sign-out"))).isEmpty();

        open("/");

        assertThat(currentPath()).isEqualTo("/sign-in");
        assertThat(browser.findElements(By.id("email"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("nav[aria-label=Main]"))).isEmpty();
    }
}
