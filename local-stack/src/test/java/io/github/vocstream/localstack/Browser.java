package io.github.vocstream.localstack;

import io.github.vocstream.testkit.ScratchDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, through its own chromedriver ({@code apt-get install chromium chromium-driver}; .ci/run
 * does). Without them the browser tests are skipped, saying why, unless {@code -Dvoc.test.browser=required}.
 */
final class Browser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    static ChromeDriver start(int width, int height) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "Chromium and its driver are needed (apt-get install chromium chromium-driver)";
        if ("required".equals(System.getProperty("voc.test.browser"))) {
            if (!installed) {
                throw new IllegalStateException(missing);
            }
        } else {
            Assumptions.assumeTrue(installed, missing);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The machine's network is closed: without these, Chromium keeps asking for updates and sync it cannot reach.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + temporaryProfile(), "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }

    /** The test quits Chromium in its {@code @AfterAll}; the profile goes when the JVM exits. */
    private static String temporaryProfile() {
        return ScratchDirectory.createDeletedAtExit("chromium-profile-").path().toString();
    }
}
