package org.casebook.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casebook.accounts.Totp;
import org.casebook.app.Casebook;
import org.casebook.config.Settings;
import org.casebook.demo.DemoSetup;
import org.casebook.testing.Browser;
import org.casebook.testing.ScreenshotOnFailure;
import org.casebook.testing.SettableClock;
import org.casebook.web.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One round of a communication, in a real Chromium against a real server whose time is a settable
 * clock: an editor drafts a letter from the demo case, completes and sends it, finds its reply
 * deadline on the dashboard, records the State's reply three weeks later and fills one row of the
 * claims matrix; the letter's PDF carries its reference and Cyrillic text; once the public date
 * has come the letter is published and a visitor finds it in the public register.
 */
class CommunicationRoundBrowserTest {
  private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  private static final String QUESTION = "Просим сообщить о мерах защиты г-жи Смаиловой.";
  private static final String REPLY_QUOTE = "Утверждение о преследовании не соответствует действительности.";

  @TempDir Path dataDir;

  private final SettableClock clock = new SettableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private Casebook casebook;
  private WebServer server;
  private DemoSetup.Result demo;
  private String base;
  private Browser browser;

  /** On any failure, a screenshot of what the browser showed, named after the test. */
  @RegisterExtension final ScreenshotOnFailure screenshotOnFailure = new ScreenshotOnFailure(() -> browser);

  @BeforeEach
  void start() throws IOException {
    Settings settings = Settings.resolve(Map.of(Settings.Key.DATA_DIR, dataDir.toString()), Map.of(), null);
    casebook = Casebook.open(settings, clock);
    demo = new DemoSetup(clock).setUp(casebook);
    server = casebook.serve("127.0.0.1", 0, true);
    base = "http://127.0.0.1:" + server.port();
    browser = Browser.start();
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
    if (casebook != null) {
      casebook.close();
    }
  }

  @Test
  void aLetterGoesFromTheCaseToTheStateAndBackToThePublicRegister() throws Exception {
    ChromeDriver driver = browser.driver();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    signIn(driver, "demo-editor");

    // Draft from the case file, complete and save.
    driver.get(base + "/cases/" + demo.imported().caseId());
    driver.findElement(By.cssSelector("form[action$='/communications/draft'] button[type=submit]")).click();
    wait.until(ExpectedConditions.urlMatches("/communications/[0-9a-f-]+/edit"));
    String communication = driver.getCurrentUrl().replaceAll(".*/communications/([0-9a-f-]+)/edit.*", "$1");
    assertThat(driver.findElement(By.id("field-subject")).getAttribute("value")).contains("Smailova");
    assertThat(driver.findElement(By.id("field-text")).getAttribute("value")).contains("2023");
    assertThat(driver.findElement(By.id("field-standards")).getAttribute("value")).contains("Declaration on Human Rights Defenders");
    WebElement questions = driver.findElement(By.id("field-questions"));
    questions.sendKeys("\n" + QUESTION);
    new Select(driver.findElement(By.id("field-confidentiality"))).selectByValue("public");
    driver.findElement(By.cssSelector("form.record-form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlToBe(base + "/communications/" + communication));
    assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Smailova");

    // Send: the reference is given, and the reply it expects is on the dashboard.
    button(driver, "Send").click();
    String year = String.valueOf(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).getYear());
    String reference = "AL KAZ 1/" + year;
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), reference));
    driver.get(base + "/");
    WebElement due = driver.findElement(By.cssSelector("section[aria-labelledby=due]"));
    assertThat(due.getText()).contains(reference).contains("Reply expected");
    browser.screenshot("round-dashboard");

    // Three weeks later the State replies; one allegation is answered.
    clock.advance(Duration.ofDays(21));
    signIn(driver, "demo-editor");
    driver.get(base + "/communications/" + communication);
    driver.findElement(By.linkText("Record a reply")).click();
    driver.findElement(By.id("field-received")).sendKeys(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).format(TYPED));
    driver.findElement(By.id("field-sender-reference")).sendKeys("31-07/555");
    driver.findElement(By.id("field-summary")).sendKeys("The Government contests the allegations.");
    driver.findElement(By.cssSelector("form.record-form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("/communications/" + communication + "#reply-"));
    assertThat(driver.findElement(By.tagName("main")).getText()).contains("31-07/555", "Reply received");

    driver.get(base + "/communications/" + communication + "/matrix");
    driver.findElement(By.linkText("Add an allegation")).click();
    driver.findElement(By.id("field-text")).sendKeys("Ms. Smailova is persecuted for her work against domestic violence.");
    driver.findElement(By.id("field-quote")).sendKeys("a pattern of persecution over seven years");
    new Select(driver.findElement(By.id("field-responses-0-stance"))).selectByValue("denies");
    driver.findElement(By.id("field-responses-0-quote")).sendKeys(REPLY_QUOTE);
    driver.findElement(By.cssSelector("form.record-form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("/communications/" + communication + "/matrix"));
    assertThat(driver.findElement(By.tagName("main")).getText()).contains("persecuted for her work", REPLY_QUOTE);
    browser.screenshot("round-matrix");

    // The letter as a PDF: its reference on every page, the Cyrillic intact.
    String pdf = pdfText(driver, "/communications/" + communication + "/letter.pdf");
    assertThat(pdf).contains(reference, QUESTION, "Smailova");

    // Not a second before the public date, nothing is public; from it, the letter is published.
    driver.get(base + "/communications/" + communication);
    assertThat(driver.findElements(By.xpath("//button[normalize-space()='Publish']"))).isEmpty();
    clock.advance(Duration.ofDays(40));
    signIn(driver, "demo-editor");
    driver.get(base + "/communications/" + communication);
    button(driver, "Publish").click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Published"));
    // The reply, translated meanwhile, is published with it.
    driver.findElement(By.cssSelector("a[href^='/replies/'][href$='/edit']")).click();
    new Select(driver.findElement(By.id("field-translation-status"))).selectByValue("published");
    new Select(driver.findElement(By.id("field-confidentiality"))).selectByValue("public");
    driver.findElement(By.cssSelector("form.record-form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("/communications/" + communication + "#reply-"));

    // A visitor finds it in the register, with its reply.
    driver.manage().deleteAllCookies();
    driver.get(base + "/public/communications?lang=en");
    driver.findElement(By.linkText(reference)).click();
    wait.until(ExpectedConditions.urlContains("/public/communications/"));
    assertThat(driver.findElement(By.tagName("main")).getText()).contains(reference, "Smailova", "31-07/555");
    browser.screenshot("round-register");
    BrowserTest.accessible(driver, "public register page of the new letter");
  }

  private static WebElement button(ChromeDriver driver, String label) {
    return driver.findElement(By.xpath("//form//button[normalize-space()='" + label + "']"));
  }

  /** Signs in afresh, with a second factor from the server's clock if the account has one. */
  private void signIn(ChromeDriver driver, String name) {
    DemoSetup.Account account = demo.accounts().stream().filter(candidate -> candidate.name().equals(name)).findFirst().orElseThrow();
    driver.manage().deleteAllCookies();
    driver.get(base + "/sign-in?lang=en");
    driver.findElement(By.id("name")).sendKeys(account.name());
    driver.findElement(By.id("password")).sendKeys(account.password());
    if (account.totpSecret() != null) {
      driver.findElement(By.id("code")).sendKeys(Totp.code(account.totpSecret(), Totp.step(clock.instant()), Totp.DIGITS));
    }
    driver.findElement(By.cssSelector("form.sign-in button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(base + "/"));
  }

  /** The text of a PDF the signed-in browser may fetch, read with PDFBox. */
  private String pdfText(ChromeDriver driver, String path) throws IOException, InterruptedException {
    String cookies = driver.manage().getCookies().stream().map(cookie -> cookie.getName() + "=" + cookie.getValue()).collect(Collectors.joining("; "));
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    try (PDDocument document = Loader.loadPDF(response.body())) {
      assertThat(document.getNumberOfPages()).isPositive();
      return new PDFTextStripper().getText(document);
    }
  }
}
