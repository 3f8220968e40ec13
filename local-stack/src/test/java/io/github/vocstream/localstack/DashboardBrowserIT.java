package io.github.vocstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.test.HttpCalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser against the three services: its numbers are the query API's, an item posted while
 * it is open appears without a reload within 2 s, a theme's evidence marks the theme's words, it works by keyboard
 * and at 390 px. Screenshots go to {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private TestStack stack;
    private ChromeDriver browser;

    @BeforeAll
    void open() {
        browser = Browser.start(1280, 1000);
        stack = TestStack.shared();
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theDashboardShowsTheQueryApisNumbersLiveWithMarkedEvidence() throws Exception {
        String product = "dash-" + stack.run;
        String segment = "product:" + product;
        String[] calm = {"The staff were friendly and helpful.", "Lovely food and a warm welcome from the staff."};
        String[] storm = {"The parcel arrived late again.", "Late delivery, third time this month."};
        List<SampleReviews.Review> reviews = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // Reviews' ratings are stars by default.
            reviews.add(new SampleReviews.Review("reviews", product + "-calm-" + i, calm[i % 2], true, Map.of("product", product), 5));
            reviews.add(new SampleReviews.Review("reviews", product + "-storm-" + i, storm[i % 2], false, Map.of("product", product),
                    1 + i % 2));
        }
        // Counted, not scored: the shares are of the 16 English reviews.
        reviews.add(new SampleReviews.Review("reviews", product + "-de", "Das Paket kam wieder zu spät, schon das dritte Mal.", false,
                Map.of("product", product)));
        FeedbackSender sender = new FeedbackSender(stack.ingest(), stack.apiKey);
        assertThat(sender.send(reviews)).isEqualTo(17);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).until(() -> countOf(segment) == 17);

        browser.get(stack.aggregator().resolve("/?segment=" + segment) + "#key=unused-while-the-api-is-open");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textToBe(By.id("count"), "17"));
        assertThat(browser.getCurrentUrl()).as("the key leaves the address").doesNotContain("key=");

        JsonNode summary = api("/v1/segments/" + segment + "/summary");
        JsonNode sentiment = summary.get("sentiment");
        assertThat(text("negative")).isEqualTo(percent(sentiment.get("negative").longValue(), 16));
        assertThat(text("positive")).isEqualTo(percent(sentiment.get("positive").longValue(), 16));
        assertThat(text("unscored")).isEqualTo("1 not scored (de 1)");
        // 8 fives, 4 ones and 4 twos: 3.25 stars; no NPS survey here.
        assertThat(sentiment.get("scores").get("stars").get("score").doubleValue()).isEqualTo(3.25);
        assertThat(text("stars")).isEqualTo("3.25");
        assertThat(text("stars-detail")).endsWith("16 ratings (few)");
        assertThat(text("nps")).isEqualTo("–");
        assertThat(text("score-impact-head")).isEqualTo("Stars impact");
        List<String> apiThemes = new ArrayList<>();
        List<String> apiMentions = new ArrayList<>();
        summary.get("themes").get("themes").forEach(theme -> {
            apiThemes.add(theme.get("theme").textValue());
            apiMentions.add(Long.toString(theme.get("mentions").longValue()));
        });
        List<WebElement> rows = browser.findElements(By.cssSelector("#theme-rows tr"));
        assertThat(rows).extracting(row -> row.getAttribute("data-theme")).containsExactlyElementsOf(apiThemes);
        assertThat(rows).extracting(row -> row.findElements(By.tagName("td")).get(1).getText()).containsExactlyElementsOf(apiMentions);
        assertThat(apiThemes).contains("delivery/late");
        screenshot("dashboard-1280");

        // An item posted while the page is open shows without a reload: ingest, sentiment, aggregator, the live stream.
        sender.send(List.of(new SampleReviews.Review("reviews", product + "-live", "My parcel arrived late and damaged.", false,
                Map.of("product", product))));
        new WebDriverWait(browser, Duration.ofSeconds(2)).until(ExpectedConditions.textToBe(By.id("count"), "18"));

        // A theme's drill-down, opened by keyboard: its evidence marks the theme's words, as the API's offsets say.
        WebElement late = browser.findElement(By.cssSelector("tr[data-theme='delivery/late'] button"));
        late.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#evidence mark")));
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("focus moves to the theme").isEqualTo("drill-title");
        List<String> marked = browser.findElements(By.cssSelector("#evidence mark")).stream().map(WebElement::getText).toList();
        List<String> highlighted = new ArrayList<>();
        api("/v1/segments/" + segment + "/themes/delivery/late").get("evidence").forEach(evidence -> evidence.get("highlights")
                .forEach(span -> highlighted.add(evidence.get("sentence").textValue()
                        .substring(span.get("begin").intValue(), span.get("end").intValue()))));
        assertThat(marked).isNotEmpty().containsExactlyElementsOf(highlighted);
        assertThat(marked).allSatisfy(words -> assertThat(words.toLowerCase(Locale.ROOT)).containsAnyOf("late", "deliver", "parcel"));
        screenshot("theme-1280");
        fullPageScreenshot("dashboard-full-1280");

        // Readable to a screen reader: every picker has its label, every chart describes its data.
        for (String picker : List.of("segment", "compare")) {
            assertThat(browser.findElements(By.cssSelector("label[for='" + picker + "']"))).hasSize(1);
        }
        assertThat(browser.findElement(By.id("timeline-chart")).getAttribute("aria-label")).contains("negative");
        assertThat(browser.findElement(By.id("timeline-chart")).getAttribute("role")).isEqualTo("img");

        // At a phone's width the page itself never scrolls sideways; wide tables scroll in their own box.
        browser.manage().window().setSize(new Dimension(390, 844));
        wait.until(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth"));
        screenshot("dashboard-390");
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
    }

    private JsonNode api(String path) {
        return HttpCalls.json(HttpCalls.get(stack.aggregator().resolve(path)));
    }

    private long countOf(String segment) {
        var response = HttpCalls.get(stack.aggregator().resolve("/v1/segments/" + segment + "/sentiment"));
        return response.statusCode() == 200 ? HttpCalls.json(response).get("count").longValue() : -1;
    }

    /** The whole page at this width: the window made as tall as the page, then as it was. */
    private void fullPageScreenshot(String name) throws IOException {
        Dimension before = browser.manage().window().getSize();
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(before.getWidth(), (int) height + 100));
        screenshot(name);
        browser.manage().window().setSize(before);
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
