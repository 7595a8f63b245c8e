package org.casebook.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import org.casebook.accounts.Totp;
import org.casebook.app.Casebook;
import org.casebook.common.Redaction;
import org.casebook.config.Settings;
import org.casebook.dates.PartialDate;
import org.casebook.demo.DemoSetup;
import org.casebook.testing.Browser;
import org.casebook.testing.ScreenshotOnFailure;
import org.casebook.web.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real headless Chromium against the real server with the demo case: sign in with a
 * one-time password, read the case's timeline and proceedings drawing, switch to Russian, sign out,
 * read the public view; add an event through its form past a refusal, and meet an edit conflict; accessibility checked with axe-core, and the case page's weight and hosts
 * measured from the browser's own record of its requests. Screenshots of each page are written to
 * {@code target/screenshots/}.
 */
class BrowserTest {
  @TempDir static Path dataDir;

  private static Casebook casebook;
  private static WebServer server;
  private static DemoSetup.Result demo;
  private static String base;

  @BeforeAll
  static void startTheDemo() throws IOException {
    Settings settings = Settings.resolve(Map.of(Settings.Key.DATA_DIR, dataDir.toString()), Map.of(), null);
    casebook = Casebook.open(settings, Clock.systemUTC());
    demo = new DemoSetup(Clock.systemUTC()).setUp(casebook);
    server = casebook.serve("127.0.0.1", 0, true);
    base = "http://127.0.0.1:" + server.port();
  }

  /** The browser of the running test; each test gets a fresh one, with a fresh profile. */
  private Browser browser;

  /** On any failure, a screenshot of what the browser showed, named after the test. */
  @RegisterExtension final ScreenshotOnFailure screenshotOnFailure = new ScreenshotOnFailure(() -> browser);

  @BeforeEach
  void startABrowser() {
    browser = Browser.start();
  }

  @AfterEach
  void closeTheBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (casebook != null) {
      casebook.close();
    }
  }

  @Test
  void anAdministratorSignsInReadsTheCaseInTwoLanguagesAndSignsOut() {
    ChromeDriver driver = browser.driver();
    DemoSetup.Account admin = demo.accounts().get(0);
    driver.get(base + "/sign-in");
    browser.screenshot("sign-in");
    accessible(driver, "sign-in");
    driver.findElement(By.id("name")).sendKeys(admin.name());
    driver.findElement(By.id("password")).sendKeys(admin.password());
    driver.findElement(By.id("code"))
        .sendKeys(Totp.code(admin.totpSecret(), Totp.step(Instant.now()) + 1, Totp.DIGITS));
    driver.findElement(By.cssSelector("form.sign-in button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(base + "/"));
    browser.screenshot("dashboard");
    accessible(driver, "dashboard");

    driver.get(base + "/cases/" + demo.imported().caseId() + "?lang=en");
    List<WebElement> items = driver.findElements(By.cssSelector("ol.timeline time.when"));
    assertThat(items).hasSizeGreaterThanOrEqualTo(25);
    assertThat(items.get(0).getText()).isEqualTo("July 2016");
    assertThat(driver.findElements(By.cssSelector("figure.proceedings-drawing svg"))).hasSize(1);
    assertThat(driver.findElement(By.cssSelector("figure.proceedings-drawing svg")).getSize().getWidth()).isPositive();
    browser.screenshot("case-en");
    accessible(driver, "case page");
    weighsLittleAndStaysOnItsHost(driver);

    driver.findElement(By.cssSelector("a[hreflang=ru]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "ru"));
    assertThat(driver.findElements(By.cssSelector("ol.timeline time.when")).get(0).getText()).isEqualTo("июль 2016");
    browser.screenshot("case-ru");

    driver.findElement(By.cssSelector("form.sign-out button")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/public"));
    driver.get(base + "/cases/" + demo.imported().caseId());
    assertThat(driver.findElements(By.id("password"))).as("the sign-in form after sign-out").hasSize(1);
  }

  @Test
  void thePublicViewShowsTheRedactionsAndNoWithheldName() {
    ChromeDriver driver = browser.driver();
    driver.get(base + "/public/cases/" + demo.imported().caseId() + "?lang=en");
    String text = driver.findElement(By.tagName("main")).getText();
    assertThat(text).contains("Dinara Smailova", Redaction.MARK).doesNotContain("Ms. Smailova's lawyer");
    browser.screenshot("public-case");
    accessible(driver, "public case page");

    driver.get(base + "/public/cases/00000000-0000-0000-0000-000000000000");
    browser.screenshot("public-not-found");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isNotBlank();
  }

  @Test
  void anEditorAddsAnEventWithAPartialDateAfterARefusalAndMeetsAnEditConflict() {
    ChromeDriver driver = browser.driver();
    DemoSetup.Account editor = demo.accounts().stream().filter(account -> account.name().equals("demo-editor")).findFirst().orElseThrow();
    driver.get(base + "/sign-in?lang=en");
    driver.findElement(By.id("name")).sendKeys(editor.name());
    driver.findElement(By.id("password")).sendKeys(editor.password());
    if (editor.totpSecret() != null) {
      driver.findElement(By.id("code")).sendKeys(Totp.code(editor.totpSecret(), Totp.step(Instant.now()), Totp.DIGITS));
    }
    driver.findElement(By.cssSelector("form.sign-in button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(base + "/"));

    driver.get(base + "/cases/" + demo.imported().caseId());
    driver.findElement(By.linkText("Add event")).click();
    driver.findElement(By.id("field-date")).sendKeys("early 2016");
    new Select(driver.findElement(By.id("field-type"))).selectByValue("threat");
    driver.findElement(By.id("field-title")).sendKeys("A warning delivered in person");
    new Select(driver.findElement(By.id("field-participants-0-role"))).selectByIndex(1);
    new Select(driver.findElement(By.id("field-participants-0-person"))).selectByIndex(1);
    browser.screenshot("event-form");
    accessible(driver, "event form");
    driver.findElement(By.cssSelector("form.record-form button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));

    assertThat(driver.findElement(By.id("error-summary")).getText()).contains("early 2016");
    assertThat(driver.findElement(By.id("field-date-error")).getText()).contains("early 2016");
    assertThat(driver.findElement(By.id("field-date")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(driver.findElement(By.id("field-title")).getAttribute("value")).isEqualTo("A warning delivered in person");
    browser.screenshot("event-form-refused");
    accessible(driver, "refused event form");

    driver.findElement(By.id("field-date")).clear();
    driver.findElement(By.id("field-date")).sendKeys("August 2016");
    driver.findElement(By.cssSelector("form.record-form button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("#event-"));
    String anchor = driver.getCurrentUrl().substring(driver.getCurrentUrl().indexOf('#') + 1);
    List<String> anchors = driver.findElements(By.cssSelector("ol.timeline li.timeline-item")).stream().map(item -> item.getAttribute("id")).toList();
    List<PartialDate> dates =
        driver.findElements(By.cssSelector("ol.timeline time.when")).stream().map(time -> PartialDate.parse(time.getAttribute("data-edtf"))).toList();
    int position = anchors.indexOf(anchor);
    assertThat(position).as("the new event in the timeline").isPositive().isLessThan(dates.size() - 1);
    assertThat(driver.findElement(By.id(anchor)).findElement(By.cssSelector("time.when")).getText()).isEqualTo("August 2016");
    assertThat(dates.get(position - 1)).isLessThanOrEqualTo(dates.get(position));
    assertThat(dates.get(position + 1)).isGreaterThanOrEqualTo(dates.get(position));
    assertThat(dates.get(0)).isLessThan(PartialDate.parse("2016-08"));

    String edit = base + "/events/" + anchor.substring("event-".length()) + "/edit";
    driver.get(edit);
    String firstTab = driver.getWindowHandle();
    driver.switchTo().newWindow(WindowType.TAB);
    driver.get(edit);
    replace(driver.findElement(By.id("field-title")), "A warning delivered at her door");
    driver.findElement(By.cssSelector("form.record-form button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("#event-"));
    driver.close();
    driver.switchTo().window(firstTab);
    replace(driver.findElement(By.id("field-title")), "A warning delivered in person by two men");
    driver.findElement(By.cssSelector("form.record-form button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.conflict")));

    String conflict = driver.findElement(By.cssSelector("section.conflict")).getText();
    assertThat(conflict).contains("A warning delivered at her door", "A warning delivered in person by two men");
    assertThat(driver.findElement(By.id("field-title")).getAttribute("value")).isEqualTo("A warning delivered in person by two men");
    browser.screenshot("event-conflict");
    accessible(driver, "edit conflict");
    driver.findElement(By.cssSelector("form.record-form button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("#event-"));
    assertThat(driver.findElement(By.id(anchor)).getText()).contains("A warning delivered in person by two men");
  }

  @Test
  void onAPhoneThePagesFitTheScreenAndTheCaseListFiltersWithoutReloading() {
    ChromeDriver driver = browser.driver();
    driver.manage().window().setSize(new Dimension(390, 844));
    signIn(driver, "demo-editor");
    for (String page : List.of("/", "/cases", "/cases/" + demo.imported().caseId(), "/cases/" + demo.imported().caseId() + "/events/new")) {
      driver.get(base + page);
      long overflow = (Long) driver.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      assertThat(overflow).as("sideways scrolling on " + page + " at phone width").isLessThanOrEqualTo(0L);
    }
    browser.screenshot("phone-event-form");
    WebElement search = driver.findElement(By.id("field-participants-0-person-search"));
    assertThat(search.isDisplayed()).as("the picker's search box shows where scripts run").isTrue();
    search.sendKeys("smail");
    By options = By.cssSelector("#field-participants-0-person option:not([value=''])");
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(driver1 -> {
          List<WebElement> offered = driver1.findElements(options);
          return !offered.isEmpty() && offered.stream().allMatch(option -> option.getText().contains("Smail"));
        });
    driver.get(base + "/cases/" + demo.imported().caseId());
    browser.screenshot("phone-case");

    driver.get(base + "/cases");
    browser.screenshot("phone-cases");
    driver.executeScript("window.notReloaded = true;");
    assertThat(driver.findElements(By.cssSelector("#case-results table.cases"))).hasSize(1);
    new Select(driver.findElement(By.id("status"))).selectByValue("closed");
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("status=closed"));
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#case-results table.cases"), 0));
    assertThat(driver.executeScript("return window.notReloaded === true;")).as("htmx replaced the results, not the page").isEqualTo(true);
    accessible(driver, "case list after filtering");
  }

  @Test
  void everyRecordFormIsAccessibleAndSavesFromTheBrowser() {
    ChromeDriver driver = browser.driver();
    signIn(driver, "demo-editor");
    UUID caseId = demo.imported().caseId();
    for (String form : List.of("events", "proceedings", "persons", "relationships", "organizations", "sources")) {
      driver.get(base + "/cases/" + caseId + "/" + form + "/new");
      assertThat(driver.findElements(By.cssSelector("form.record-form"))).as(form).hasSize(1);
      browser.screenshot("form-" + form);
      accessible(driver, form + " form");
    }
    UUID letter =
        casebook.records().communications().list(
                org.casebook.access.Caller.system("browser-test"),
                new org.casebook.communications.CommunicationStore.Filter(caseId, null, null, null, null, null, null, false),
                org.casebook.common.PageRequest.first())
            .items().stream().filter(communication -> "AL KAZ 1/2024".equals(communication.reference())).findFirst().orElseThrow().id();
    for (String form : List.of("replies", "claims")) {
      driver.get(base + "/communications/" + letter + "/" + form + "/new");
      assertThat(driver.findElements(By.cssSelector("form.record-form"))).as(form).hasSize(1);
      browser.screenshot("form-" + form);
      accessible(driver, form + " form");
    }

    driver.get(base + "/communications/new?case=" + caseId);
    assertThat(driver.findElements(By.cssSelector("form.communication-form"))).as("communication form").hasSize(1);
    browser.screenshot("form-communication");
    accessible(driver, "communication form");
    driver.get(base + "/cases/" + caseId);
    driver.findElement(By.cssSelector("form[action$='/communications/draft'] button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/edit?case="));
    assertThat(driver.findElement(By.id("field-subject")).getAttribute("value")).contains("Dinara Smailova");
    browser.screenshot("form-communication-draft");
    accessible(driver, "drafted communication form");

    driver.get(base + "/cases/" + caseId + "/proceedings/new");
    new Select(driver.findElement(By.id("field-kind"))).selectByIndex(1);
    driver.findElement(By.id("field-title")).sendKeys("An invented appeal");
    driver.findElement(By.id("field-history-0-date")).sendKeys("March 2024");
    new Select(driver.findElement(By.id("field-history-0-status"))).selectByIndex(1);
    driver.findElement(By.cssSelector("form.record-form button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("#proceeding-"));
    assertThat(driver.findElement(By.cssSelector("figure.proceedings-drawing svg")).getAttribute("innerHTML")).contains("An invented appeal");
  }

  /** Signs in with the password of a demo account that needs no second factor. */
  private static void signIn(ChromeDriver driver, String name) {
    DemoSetup.Account account = demo.accounts().stream().filter(candidate -> candidate.name().equals(name)).findFirst().orElseThrow();
    driver.get(base + "/sign-in?lang=en");
    driver.findElement(By.id("name")).sendKeys(account.name());
    driver.findElement(By.id("password")).sendKeys(account.password());
    driver.findElement(By.cssSelector("form.sign-in button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(base + "/"));
  }

  private static void replace(WebElement field, String text) {
    field.clear();
    field.sendKeys(text);
  }

  @Test
  void anEditorUploadsABrokenCaseFileAndReadsItsProblemsByLine() throws IOException {
    ChromeDriver driver = browser.driver();
    DemoSetup.Account editor = demo.accounts().get(1);
    driver.get(base + "/sign-in?lang=en");
    driver.findElement(By.id("name")).sendKeys(editor.name());
    driver.findElement(By.id("password")).sendKeys(editor.password());
    driver.findElement(By.cssSelector("form.sign-in button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(base + "/"));

    driver.findElement(By.cssSelector("a[href='/account']")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(base + "/account"));
    browser.screenshot("account");
    accessible(driver, "account page");

    Path broken = dataDir.resolve("broken-case.yaml");
    java.nio.file.Files.writeString(
        broken,
        "format: casebook/1\ncase: {key: broken, title: Broken, risk: low, status: open, confidentiality: internal}\n"
            + "events:\n  - key: e1\n    type: arrest\n    date: sometime\n",
        StandardCharsets.UTF_8);
    driver.findElement(By.cssSelector("a[href='/import']")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(base + "/import"));
    driver.findElement(By.id("file")).sendKeys(broken.toAbsolutePath().toString());
    driver.findElement(By.cssSelector("form[action='/import'] button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.errors")));
    List<WebElement> places = driver.findElements(By.cssSelector("table.errors tbody td:first-child"));
    assertThat(places).extracting(WebElement::getText).contains("broken-case.yaml:6");
    browser.screenshot("import-errors");
    accessible(driver, "import page with problems");
  }

  @Test
  void aViewerSearchesFromTheHeaderNarrowsByAFacetAndFollowsAHit() {
    casebook.searchIndexer().drain();
    try (Browser browser = Browser.start()) {
      ChromeDriver driver = browser.driver();
      DemoSetup.Account viewer = demo.accounts().stream().filter(account -> account.name().equals("demo-viewer")).findFirst().orElseThrow();
      driver.get(base + "/sign-in?lang=en");
      driver.findElement(By.id("name")).sendKeys(viewer.name());
      driver.findElement(By.id("password")).sendKeys(viewer.password());
      driver.findElement(By.cssSelector("form.sign-in button[type=submit]")).click();
      new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(base + "/"));

      WebElement box = driver.findElement(By.id("site-search-q"));
      box.sendKeys("Смаи");
      WebElement suggestion =
          new WebDriverWait(driver, Duration.ofSeconds(10))
              .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#site-search-suggestions a[href^='/search']")));
      assertThat(suggestion.getText()).isEqualTo("Dinara Smailova");
      accessible(driver, "dashboard with search suggestions");
      box.clear();
      box.sendKeys("Тансари");
      driver.findElement(By.cssSelector("form.site-search button[type=submit]")).click();
      new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/search?q="));
      assertThat(driver.findElement(By.cssSelector("p.count")).getText()).endsWith("records found");
      assertThat(driver.findElements(By.cssSelector("ol.hits .snippet mark"))).isNotEmpty();
      browser.screenshot("search");
      accessible(driver, "search page");

      driver.findElement(By.cssSelector("nav.facets")).findElement(By.linkText("Proceeding")).click();
      new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("kind=proceeding"));
      List<WebElement> kinds = driver.findElements(By.cssSelector("ol.hits .hit-kind"));
      assertThat(kinds).isNotEmpty().allMatch(kind -> kind.getText().startsWith("Proceeding"));
      accessible(driver, "search page narrowed to proceedings");

      driver.findElement(By.cssSelector("ol.hits .hit-title a")).click();
      new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/cases/" + demo.imported().caseId()));
      assertThat(driver.findElement(By.id("proceedings")).isDisplayed()).isTrue();
    }
  }

  /** Runs axe-core on the page and fails on any violation, naming each rule and where. */
  @SuppressWarnings("unchecked")
  static void accessible(ChromeDriver driver, String page) {
    driver.executeScript(axeSource());
    Map<String, Object> results =
        (Map<String, Object>)
            driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " axe.run(document, {resultTypes: ['violations']}).then(r => done(r), e => done({error: String(e)}));");
    assertThat(results.get("error")).as("axe on " + page).isNull();
    List<Map<String, Object>> violations = (List<Map<String, Object>>) results.get("violations");
    assertThat(violations.stream().map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + targets(v)).toList())
        .as("accessibility of the " + page)
        .isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static String targets(Map<String, Object> violation) {
    return ((List<Map<String, Object>>) violation.get("nodes")).stream().map(node -> String.valueOf(node.get("target"))).toList().toString();
  }

  /** The case page, with all it loads, under 100 KB transferred, and no request to another host. */
  @SuppressWarnings("unchecked")
  private static void weighsLittleAndStaysOnItsHost(ChromeDriver driver) {
    List<Map<String, Object>> entries =
        (List<Map<String, Object>>)
            driver.executeScript(
                "return performance.getEntries().filter(e => e.entryType === 'navigation' || e.entryType === 'resource')"
                    + ".map(e => ({name: e.name, size: e.transferSize}));");
    long total = entries.stream().mapToLong(entry -> ((Number) entry.get("size")).longValue()).sum();
    System.out.println("case page: " + entries.size() + " requests, " + total + " bytes transferred");
    assertThat(entries).allSatisfy(entry -> assertThat((String) entry.get("name")).startsWith(base));
    assertThat(total).as("bytes transferred for the case page").isLessThan(100 * 1024);
  }

  private static String axeSource() {
    try (InputStream in = BrowserTest.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("axe-core is missing from the test class path", e);
    }
  }
}
