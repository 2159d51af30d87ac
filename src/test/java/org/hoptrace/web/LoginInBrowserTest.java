package org.hoptrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.hoptrace.HoptraceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/** A real browser (headless Chromium) logs in through the form; runs only where Chromium is installed. */
@HoptraceTest
@EnabledIf("chromiumInstalled")
class LoginInBrowserTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @LocalServerPort
    int port;

    Path profile;
    WebDriver browser;

    static boolean chromiumInstalled() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    @BeforeEach
    void startBrowser() throws IOException {
        profile = Files.createTempDirectory("hoptrace-chromium");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        FileSystemUtils.deleteRecursively(profile);
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
