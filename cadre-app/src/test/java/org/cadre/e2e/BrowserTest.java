package org.cadre.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.cadre.CadreIntegrationTest;
import org.cadre.demo.DemoAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of the browser tests: the application of the shared test context, driven through its pages by the one
 * headless Chromium of the test JVM, at the size of a tablet. Every test starts signed out (no cookies); waits
 * are explicit, never sleeps; a failing test leaves a screenshot in {@code target/e2e-screenshots/}.
 */
@ExtendWith(Screenshots.class)
abstract class BrowserTest extends CadreIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private static final String SESSION_COOKIE = "JSESSIONID";

    /** The session cookie of each demo account that has signed in, to resume in later tests. */
    private static final Map<String, Cookie> SESSIONS = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ChromeDriver browser;

    @BeforeEach
    void startSignedOut() {
        browser = Browser.shared();
        // Cookies can only be dropped for the page's own site, so be on it first (the browser stays there after
        // the first test).
        if (!browser.getCurrentUrl().startsWith(url("/"))) {
            open("/css/cadre.css");
        }
        browser.manage().deleteAllCookies();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens a page of the application, by its path. */
    void open(String path) {
        browser.get(url(path));
    }

    /** The path of the page the browser shows, without query or fragment. */
    String currentPath() {
        return URI.create(browser.getCurrentUrl()).getPath();
    }

    /**
     * Signs in as a demo account and opens the home page. The first time for each account this goes through the
     * real sign-in form; later tests resume that session, which saves a password check per test. A session that
     * has ended meanwhile (a test signed out) is noticed, and the form used again.
     */
    void signInAs(String email) {
        var session = SESSIONS.get(email);
        if (session != null) {
            browser.manage().addCookie(session);
            open("/");
            if (!browser.findElements(By.id("sign-out")).isEmpty()) {
                return;
            }
            browser.manage().deleteAllCookies();
        }
        submitSignIn(email, DemoAccounts.PASSWORD);
        waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
        assertThat(currentPath()).as("after signing in as %s", email).isEqualTo("/");
        SESSIONS.put(email, browser.manage().getCookieNamed(SESSION_COOKIE));
    }

    /** Fills in and sends the sign-in form, whatever the outcome. */
    void submitSignIn(String email, String password) {
        open("/sign-in");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    }

    /** Waits until the page has replaced the given element, as after a full page load. */
    void waitForNewPage(WebElement old) {
        waitUntil(ExpectedConditions.stalenessOf(old));
    }

    <T> T waitUntil(Function<? super WebDriver, T> condition) {
        // A page that htmx is changing can replace an element between finding and reading it: look again.
        return new WebDriverWait(browser, PATIENCE)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** The text of the page's main heading. */
    String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    /** The staff id of a demo account. */
    long staffIdOf(String email) {
        return jdbc.sql("select staff_id from identity.account where lower(email) = lower(?)")
                .param(email)
                .query(Long.class)
                .single();
    }
}
