package org.hoptrace.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.hoptrace.HoptraceTest;
import org.hoptrace.web.HeadlessChromium;
import org.hoptrace.provider.Provider;
import org.hoptrace.traceback.Hop;
import org.hoptrace.traceback.ResponseLinks;
import org.hoptrace.traceback.Traceback;
import org.hoptrace.traceback.TracebackFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A provider answers a hop through the portal in a real browser (headless Chromium), finding its
 * upstream with the registry search as it types; the staff console then shows the next hop
 * requested from that upstream. Runs only where Chromium and chromedriver are installed.
 */
@HoptraceTest
@EnabledIf("org.hoptrace.web.HeadlessChromium#installed")
class AnswerInBrowserTest {

    @LocalServerPort int port;
    @Autowired TracebackFixtures fixtures;
    @Autowired ResponseLinks links;

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
    void aProviderAnswersThroughThePortalAndStaffSeeTheNextHopRequested() {
        Provider terminating = fixtures.provider("US");
        Provider upstream = fixtures.provider("US");
        Traceback traceback = fixtures.open(terminating);
        Hop first = fixtures.waitingHop(traceback.id(), 1);
        String token = links.token(first.id(), first.deadline().plus(Duration.ofDays(30)));

        browser.get(url("/portal/hops/" + first.id() + "?token=" + token));
        assertThat(browser.findElement(By.tagName("body")).getText())
                .contains(traceback.reference(), traceback.callingNumber());
        browser.findElement(By.cssSelector("input[name=type][value=upstream-registered]")).click();
        browser.findElement(By.id("upstream-query")).sendKeys(upstream.legalName());
        WebElement choices = browser.findElement(By.id("upstream-provider"));
        await().until(driver -> choices.findElements(By.cssSelector("option[value='" + upstream.id() + "']")).size() == 1);
        new Select(choices).selectByValue(upstream.id().toString());
        browser.findElement(By.id("comment")).sendKeys("Came in on our SIP trunk from them.");
        browser.findElement(By.xpath("//button[normalize-space()='Send answer']")).click();

        await().until(ExpectedConditions.textToBe(By.tagName("h1"), "Thank you — recorded"));

        Hop second = fixtures.requestedHop(traceback.id(), 2);
        logInAsStaff();
        browser.get(url("/tracebacks/" + traceback.reference()));
        WebElement hop1 = browser.findElement(By.id("hop-1"));
        assertThat(hop1.getText()).contains("answered", "Upstream provider", upstream.legalName());
        WebElement hop2 = browser.findElement(By.id("hop-2"));
        assertThat(hop2.getText()).contains(upstream.legalName(), "requested");
        assertThat(hop2.findElement(By.cssSelector(".countdown")).getText()).endsWith("s left");
        assertThat(second.providerId()).isEqualTo(upstream.id());
    }

    private WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    private void logInAsStaff() {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("staff");
        browser.findElement(By.id("password")).sendKeys("hoptrace");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        await().until(ExpectedConditions.textToBe(By.tagName("h1"), "Dashboard"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
