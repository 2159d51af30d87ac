package org.hoptrace.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.hoptrace.HoptraceTest;
import org.hoptrace.web.HeadlessChromium;
import org.hoptrace.agency.AgencyFixtures;
import org.hoptrace.workflow.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A reviewer completes the legal-review form and a supervisor the response-signoff form in Operaton
 * Tasklist, in a real browser (headless Chromium), reaching the tasks through the console's deep links;
 * runs only where Chromium is installed.
 */
@HoptraceTest
@EnabledIf("org.hoptrace.web.HeadlessChromium#installed")
class ReviewInTasklistBrowserTest {

    @LocalServerPort int port;
    @Autowired ReviewFixtures fixtures;
    @Autowired AgencyFixtures agencies;
    @Autowired AgencyPortalFixtures portal;
    @Autowired ReviewCases cases;
    @Autowired Clock clock;

    HeadlessChromium chromium;
    Path profile;
    WebDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = HeadlessChromium.start(1400, 1000);
        browser = chromium.driver();
        profile = chromium.profile();
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        agencies.deactivateAll();
    }

    @Test
    void aReviewerApprovesInTasklistAndASupervisorSignsOffThere() {
        ReviewCase request = fixtures.submit(ReviewFixtures.Ask.subpoena());
        UserTask review = fixtures.task(request, ReviewCompletionCheck.REVIEW_TASK);

        logIn("reviewer");
        browser.get(url("/legal-requests/" + request.id()));
        String deepLink = browser.findElement(By.linkText("Review legal request")).getDomAttribute("href");
        assertThat(deepLink).endsWith("/operaton/app/tasklist/default/#/?task=" + review.taskKey());
        browser.get(onThisServer(deepLink));
        approveInTasklist("FCC subpoena within its authority");

        UserTask signOff = fixtures.task(request, ReviewCompletionCheck.SIGN_OFF_TASK);
        assertThat(fixtures.current(request).reviewedBy()).isEqualTo("reviewer");
        assertThat(signOff.taskKey()).isNotEqualTo(review.taskKey());

        logOut();
        logIn("supervisor");
        browser.get(onThisServer(signOff.tasklistUrl()));
        releaseInTasklist("package checked");

        ReviewCase released = fixtures.closed(request);
        assertThat(released.outcome()).isEqualTo("released");
        assertThat(released.signedOffBy()).isEqualTo("supervisor");
        browser.get(url("/legal-requests/" + request.id()));
        String trail = browser.findElement(By.className("audit")).getText();
        assertThat(trail).contains("review:approve").contains("package-assembled").contains("signed-off")
                .contains("released").contains("closed");
    }

    /**
     * The whole journey of the issue: an agency user logs in to the agency portal (password and TOTP code) and
     * submits a subpoena with a PDF; the reviewer completes the review form in Tasklist; the supervisor signs
     * off there; the agency downloads the response, and its audit trail shows each step.
     */
    @Test
    void anAgencySubmitsASubpoenaThatIsReviewedSignedOffAndDownloaded() throws IOException {
        AgencyPortalFixtures.PortalUser agent = portal.user();
        Path subpoena = Files.write(profile.resolve("subpoena.pdf"), ReviewFixtures.pdf(
                "SUBPOENA DUCES TECUM. Case No. 2026-CV-0417. Records of calls from +1 312 555 0142."));

        logInToTheAgencyPortal(agent, portal.code(agent));

        browser.get(url("/agency/requests/new"));
        new Select(browser.findElement(By.id("type"))).selectByValue("subpoena");
        browser.findElement(By.id("issuingAuthority")).sendKeys("Illinois Attorney General");
        browser.findElement(By.id("caseNumber")).sendKeys("2026-CV-0417");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('returnDate').value = arguments[0];",
                LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
        browser.findElement(By.id("numbers")).sendKeys("+1 312 555 0142");
        browser.findElement(By.id("description")).sendKeys("Traceback records of the calls from this number.");
        browser.findElement(By.id("documents")).sendKeys(subpoena.toString());
        click(browser.findElement(By.xpath("//button[normalize-space(.)='Submit']")));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.urlMatches(".*/agency/requests/[0-9a-f-]{36}$"));
        String agencyPage = browser.getCurrentUrl();
        ReviewCase request = cases.get(UUID.fromString(agencyPage.substring(agencyPage.lastIndexOf('/') + 1)));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(request.reference());
        assertThat(request.caseNumber()).isEqualTo("2026-CV-0417");

        UserTask review = fixtures.task(request, ReviewCompletionCheck.REVIEW_TASK);
        logOut();
        logIn("reviewer");
        browser.get(onThisServer(review.tasklistUrl()));
        approveInTasklist("Subpoena of a state attorney general within its authority");

        UserTask signOff = fixtures.task(request, ReviewCompletionCheck.SIGN_OFF_TASK);
        logOut();
        logIn("supervisor");
        browser.get(onThisServer(signOff.tasklistUrl()));
        releaseInTasklist("package checked");
        assertThat(fixtures.closed(request).outcome()).isEqualTo("released");

        logOut();
        // a code is accepted once: the next time step's code (the login allows one step of drift)
        logInToTheAgencyPortal(agent, AgencyTotp.code(agent.secret(), clock.instant().plusSeconds(30)));
        browser.get(agencyPage);
        WebElement letter = browser.findElement(By.partialLinkText("cover-letter.pdf"));
        Object download = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' '
                    + String.fromCharCode(...new Uint8Array(b.slice(0, 5)))))).catch(e => done('failed ' + e));""",
                letter.getDomAttribute("href"));
        assertThat(download).isEqualTo("200 %PDF-");

        browser.navigate().refresh();
        String trail = browser.findElement(By.className("audit")).getText();
        assertThat(trail).contains("submitted", "review:approve", "package-assembled", "signed-off", "released",
                "downloaded " + request.reference());
        assertThat(browser.findElement(By.className("audit-check")).getText()).contains("intact");
    }

    /** On the open review task in Tasklist: claim it, approve with the reason, complete. */
    private void approveInTasklist(String reason) {
        claimAndWaitForForm("Approve the scope as requested");
        click(browser.findElement(By.cssSelector("[id$='-Field_Decision-0']")));   // approve
        type("Field_Reason", reason);
        complete();
    }

    /** On the open sign-off task in Tasklist: claim it, release with the note, complete. */
    private void releaseInTasklist(String note) {
        claimAndWaitForForm("Sign off and release the response to the agency");
        click(browser.findElement(By.cssSelector("[id$='-Field_SignOff-0']")));   // release
        type("Field_Note", note);
        complete();
    }

    private void logInToTheAgencyPortal(AgencyPortalFixtures.PortalUser agent, String code) {
        browser.get(url("/agency/login"));
        browser.findElement(By.id("email")).sendKeys(agent.email());
        browser.findElement(By.id("password")).sendKeys(AgencyPortalFixtures.PASSWORD);
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/agency/?$"));
    }

    private void claimAndWaitForForm(String text) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[contains(normalize-space(.), 'Claim')]")));
        claim.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//label[contains(., '" + text + "')]")));
    }

    /** Types into the form-js field with the given component id (form-js ids end with it). */
    private void type(String componentId, String text) {
        WebElement field = visible(browser.findElement(By.cssSelector("[id$='-" + componentId + "']")));
        field.click();
        field.sendKeys(text);
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> text.equals(field.getDomProperty("value")));
        field.sendKeys(org.openqa.selenium.Keys.TAB);   // form-js debounces typing; leaving the field hands the value over
    }

    private void complete() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='Complete']"))));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.xpath("//button[normalize-space(.)='Complete']")));
    }

    /** Scrolled to the middle of the window first: Tasklist's footer covers the bottom of the form. */
    private WebElement visible(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    /** A script click: Tasklist's fixed footer may cover the element even when it is scrolled into view. */
    private void click(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].click();", visible(element));
    }

    private void logIn(String user) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("hoptrace");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), "Dashboard"));
    }

    private void logOut() {
        browser.manage().deleteAllCookies();
    }

    /** The test service's hoptrace.base-url names port 0 (random port): the link's path on this server. */
    private String onThisServer(String link) {
        return url(link.substring(link.indexOf("/operaton/")));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
