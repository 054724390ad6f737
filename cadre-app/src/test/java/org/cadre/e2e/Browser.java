package org.cadre.e2e;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The one headless Chromium of the test JVM, started on first use and quit by a shutdown hook, so every browser
 * test shares it. The browser and its driver are Debian's packages ({@code apt-get install chromium
 * chromium-driver}), named by path so that Selenium Manager never looks for, let alone downloads, anything.
 */
final class Browser {

    static final String CHROMIUM = System.getProperty("cadre.e2e.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("cadre.e2e.chromedriver", "/usr/bin/chromedriver");

    /** A tablet held in landscape. */
    static final int WIDTH = 1024;

    static final int HEIGHT = 768;

    /**
     * Selenium warns on every start when Debian's Chromium is newer than the DevTools protocol versions it bundles;
     * these tests use WebDriver only, never DevTools, so the warning says nothing. Held here so it is not collected.
     */
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    private static ChromeDriver driver;

    /** The shared browser, started on first call. Fails, never skips, when Chromium is not installed. */
    static synchronized ChromeDriver shared() {
        if (driver == null) {
            driver = start();
        }
        return driver;
    }

    /** The shared browser if a test has started it. */
    static synchronized Optional<ChromeDriver> started() {
        return Optional.ofNullable(driver);
    }

    private static ChromeDriver start() {
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
        requireExecutable(CHROMIUM);
        requireExecutable(CHROMEDRIVER);
        // Belt and braces: with the path known, Selenium's DriverFinder skips Selenium Manager entirely.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
        Screenshots.forgetEarlierRuns();
        Path profile = temporaryProfile();
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--user-data-dir=" + profile,
                "--window-size=" + WIDTH + "," + HEIGHT);
        var started = new ChromeDriver(service, options);
        started.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started, profile), "e2e-browser-shutdown"));
        return started;
    }

    private static void requireExecutable(String path) {
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException("The browser tests need Debian's headless Chromium and its driver, but "
                    + path + " is missing. Install them with: apt-get install -y chromium chromium-driver"
                    + " (CI does this in .ci/run).");
        }
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("cadre-e2e-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a Chromium profile directory", e);
        }
    }

    private static void stop(ChromeDriver started, Path profile) {
        try {
            started.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // A profile left in the temporary directory is harmless.
            }
        }
    }

    private Browser() {}
}
