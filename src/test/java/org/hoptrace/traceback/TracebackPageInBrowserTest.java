package org.hoptrace.traceback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.hoptrace.HoptraceTest;
import org.hoptrace.web.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The traceback page's countdown runs in a real browser (headless Chromium); runs only where Chromium is installed. */
@HoptraceTest
@EnabledIf("org.hoptrace.web.HeadlessChromium#installed")
class TracebackPageInBrowserTest {

    @LocalServerPort int port;
    @Autowired TracebackFixtures fixtures;

    HeadlessChromium chromium;
    WebDriver browser;

    @BeforeEach
    void startBrowser() {
        chromium = HeadlessChromium.start(1280, 900);
        browser = chromium.driver();
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theCountdownToAHopsDeadlineTicksEverySecond() {
        Traceback traceback = fixtures.open(fixtures.provider("US"));
        fixtures.requestedHop(traceback.id(), 1);
        logIn();

        browser.get("http://localhost:" + port + "/tracebacks/" + traceback.reference());

        WebElement countdown = browser.findElement(By.cssSelector("#hop-1 .countdown"));
        String first = countdown.getText();
        assertThat(first).matches("(\\d+ d )?(\\d+ h )?\\d+ min \\d+ s left");
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> !countdown.getText().equals(first));
        assertThat(countdown.getText()).matches("(\\d+ d )?(\\d+ h )?\\d+ min \\d+ s left");
    }

    @Test
    void anOverdueHopCountsUpInRed() {
        Traceback traceback = fixtures.overdue(fixtures.provider("US"), null);
        logIn();

        browser.get("http://localhost:" + port + "/tracebacks/" + traceback.reference());

        WebElement countdown = browser.findElement(By.cssSelector("#hop-1 .countdown"));
        assertThat(countdown.getText()).startsWith("overdue by 2 h");
        assertThat(countdown.getDomAttribute("class")).contains("past");
        assertThat(browser.findElement(By.id("hop-1")).getDomAttribute("class")).contains("overdue");
    }

    private void logIn() {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("staff");
        browser.findElement(By.id("password")).sendKeys("hoptrace");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), "Dashboard"));
    }
}
