package lookout.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import lookout.bot.wiring.LookoutServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console page in a real headless Chromium (Debian's chromium + chromium-driver): ask, see the
 * answer, request a restart, approve it as someone else, see the card updated.
 */
class ConsolePageBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir static Path dataDir;
  static LookoutServer lookout;
  static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!installed && System.getenv("CI") != null) {
      fail("CI must run the browser test: install chromium and chromium-driver (.ci/run does)");
    }
    Assumptions.assumeTrue(
        installed, "chromium/chromedriver not installed; skipping the browser test");
    lookout = TestLookout.start(dataDir);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1600",
        "--user-data-dir=" + dataDir.resolve("chrome"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (lookout != null) {
      lookout.close();
    }
  }

  @Test
  void ask_then_approve_a_restart_in_the_page() throws Exception {
    browser.get("http://127.0.0.1:" + lookout.port() + "/");
    // The page re-renders messages as they change: elements can go stale between find and use.
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.ignoring(StaleElementReferenceException.class);

    as("alice");
    send("@lookout why is checkout failing in staging?");
    wait.until(d -> summaries().stream().anyMatch(s -> s.contains("CrashLoopBackOff")));

    send("restart checkout in staging");
    wait.until(d -> approveButton() != null);

    as("bob");
    wait.until(
        d -> {
          approveButton().click();
          return true;
        });
    wait.until(
        d ->
            summaries().stream()
                .anyMatch(s -> s.startsWith("Done: restart deployment staging/checkout")));

    assertThat(browser.findElement(By.tagName("body")).getText()).contains("console:bob");
    Path shot = Path.of("target", "console-page.png");
    Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private static void as(String user) {
    WebElement field = browser.findElement(By.id("user"));
    field.clear();
    field.sendKeys(user);
  }

  private static void send(String text) {
    browser.findElement(By.id("message")).sendKeys(text);
    browser.findElement(By.id("send")).click();
  }

  private static WebElement approveButton() {
    return browser.findElements(By.cssSelector("button.action")).stream()
        .filter(b -> b.getText().equals("Approve"))
        .findFirst()
        .orElse(null);
  }

  /** Read in one script call, so a re-render cannot interleave. */
  @SuppressWarnings("unchecked")
  private static List<String> summaries() {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return Array.from(document.querySelectorAll('.msg .summary'))"
                    + ".map(e => e.textContent);");
  }
}
