package org.hoptrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.hoptrace.HoptraceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A real browser (headless Chromium) logs in through the form; runs only where Chromium is installed. */
@HoptraceTest
@EnabledIf("org.hoptrace.web.HeadlessChromium#installed")
class LoginInBrowserTest {

    @LocalServerPort
    int port;

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
    void staffMemberLogsInThroughTheFormAndSeesTheDashboard() {
        browser.get("http://localhost:" + port + "/");

        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys("staff");
        browser.findElement(By.id("password")).sendKeys("hoptrace");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), "Dashboard"));
        assertThat(browser.getCurrentUrl()).startsWith("http://localhost:" + port + "/").doesNotContain("login");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
        assertThat(browser.findElement(By.className("user-name")).getText()).isEqualTo("staff");
        assertThat(browser.findElement(By.linkText("Tasklist")).getDomAttribute("href")).isEqualTo("/operaton/app/tasklist/default/");
    }

    @Test
    void consoleLoginOpensTasklistWithoutASecondLogin() {
        logInThroughTheForm("reviewer");

        browser.findElement(By.linkText("Tasklist")).click();

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("li.account"), "Reviewer (demo)"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "All tasks"));
        assertThat(browser.getCurrentUrl()).contains("/operaton/app/tasklist/default/").doesNotContain("login");
    }

    private void logInThroughTheForm(String user) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("hoptrace");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), "Dashboard"));
    }
}
