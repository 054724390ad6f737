package org.cadre.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Keeps what the browser showed when a test failed: a PNG and the page's HTML in {@code target/e2e-screenshots/},
 * named after the test class and method. With {@code -Dcadre.e2e.screenshots=all} it keeps them for passing tests
 * too, to look at the pages as a tablet shows them.
 */
class Screenshots implements TestWatcher {

    static final Path FOLDER = Path.of("target", "e2e-screenshots");

    /** Removes the pictures of earlier runs, so that the folder shows this run only. */
    static void forgetEarlierRuns() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            files.forEach(file -> file.toFile().delete());
        } catch (NoSuchFileException nothingYet) {
            // First run: nothing to forget.
        } catch (IOException e) {
            throw new UncheckedIOException("Could not empty " + FOLDER, e);
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        keep(context, "FAILED");
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        if ("all".equals(System.getProperty("cadre.e2e.screenshots"))) {
            keep(context, "passed");
        }
    }

    private static void keep(ExtensionContext context, String outcome) {
        Browser.started().ifPresent(browser -> {
            var method = context.getRequiredTestMethod().getName();
            var display = context.getDisplayName();
            var name = context.getRequiredTestClass().getSimpleName() + "." + method
                    + (display.startsWith(method + "(") ? "" : "-" + display) + "-" + outcome;
            var file = name.replaceAll("[^A-Za-z0-9._-]+", "_");
            try {
                Files.createDirectories(FOLDER);
                Files.write(FOLDER.resolve(file + ".png"), browser.getScreenshotAs(OutputType.BYTES));
                Files.writeString(FOLDER.resolve(file + ".html"), pageOf(browser), StandardCharsets.UTF_8);
            } catch (IOException | WebDriverException e) {
                System.err.println("Could not keep a screenshot of " + name + ": " + e.getMessage());
            }
        });
    }

    private static String pageOf(ChromeDriver browser) {
        return "<!-- " + browser.getCurrentUrl() + " -->\n" + browser.getPageSource();
    }
}
