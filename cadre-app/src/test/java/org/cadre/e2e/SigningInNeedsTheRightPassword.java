package org.cadre.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.cadre.demo.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A wrong password is refused with a plain message, and the person stays on the sign-in page. */
class SigningInNeedsTheRightPassword extends BrowserTest {

    @Test
    void aWrongPasswordIsNotRightAndKeepsYouOnSignIn() {
        submitSignIn(DemoAccounts.ASSESSOR, "not-the-password");

        var alert = waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .alert.error")));
        assertThat(alert.getText()).contains("not right");
        assertThat(currentPath()).isEqualTo("/sign-in");
        assertThat(browser.findElements(By.id("sign-out"))).isEmpty();

        // The right password still works: one slip does not lock the account.
        submitSignIn(DemoAccounts.ASSESSOR, DemoAccounts.PASSWORD);
        waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
    }
}
