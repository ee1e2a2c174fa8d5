package bank.complaints.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The managers' dashboard in a real browser: Debian's headless Chromium, driven through its
 * ChromeDriver, signs in with a manager's token, and the charts are drawn from the same figures the
 * statistics API serves. A screenshot is kept in {@code ear/target/screenshots}.
 */
class DashboardIT extends SystemTest {

  private static final ZoneId BANK = ZoneId.of("Asia/Shanghai");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final List<String> CHARTS_OF_ALL_CASES =
      List.of("chart-daily", "chart-category", "chart-channel", "chart-severity");

  private ChromeDriver browser;

  @BeforeEach
  void openBrowser() throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    // Headless, and nothing that reaches beyond this machine (its network is closed).
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
        "--window-size=1400,1900",
        "--lang=zh-CN",
        "--user-data-dir=" + Files.createTempDirectory("dashboard-chromium"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  @DisplayName(
      "R-M1 R-M4 a manager signs in to the dashboard and sees this month's charts drawn with the"
          + " figures the API serves")
  void aManagerSeesTheChartsWithRealData() throws Exception {
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> created =
          Api.postJson("/api/v1/complaints", ComplaintJson.aComplaint().json());
      assertEquals(201, created.statusCode(), created.body());
    }
    Statistics.awaitRefresh(Duration.ofMinutes(2));
    YearMonth month = TestClock.thisMonth();
    long cases =
        Api.json(Api.get("/api/v1/statistics?month=" + month))
            .getJsonObject("overall")
            .getJsonNumber("cases")
            .longValue();
    assertTrue(cases >= 3, "this month has the complaints just registered");

    signIn(Tokens.role("manager"));
    awaitPage("true");
    // The manager picks the month the server lives in (a run may shift its clock, TestClock).
    browser.executeScript(
        "const m = document.getElementById('month'); if (m.value !== arguments[0]) {"
            + " m.value = arguments[0]; m.dispatchEvent(new Event('change')); }",
        month.toString());
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(b -> String.valueOf(cases).equals(b.findElement(By.id("kpi-total")).getText()));
    assertEquals(String.valueOf(cases), browser.findElement(By.id("kpi-total")).getText());
    for (String chart : CHARTS_OF_ALL_CASES) {
      assertEquals(cases, chartTotal(chart), chart + " adds up to the month's complaints");
      assertTrue(drawn(chart), chart + " has pixels drawn");
    }
    assertTrue(drawn("chart-departments"), "the departments' chart is drawn");
    // R-M2: the quarter's analysis on the same page, with the figures the API serves.
    String quarter = month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1);
    JsonObject analysis =
        Api.json(Api.get("/api/v1/statistics/quarterly-analysis?quarter=" + quarter));
    assertEquals(quarter, browser.findElement(By.id("quarter-name")).getText());
    assertEquals(
        String.valueOf(analysis.getJsonObject("volumes").getJsonNumber("complaints")),
        browser.findElement(By.id("quarter-total")).getText());
    assertTrue(drawn("chart-quarter"), "the quarter's months are drawn");
    assertEquals(
        analysis.getJsonArray("typicalCases").size(),
        browser.findElements(By.cssSelector("#typical tbody tr")).size());
    assertEquals(
        analysis.getJsonArray("improvementActions").size(),
        browser.findElements(By.cssSelector("#actions tbody tr")).size());
    assertTrue(drawn("chart-stages"), "the stages' chart is drawn");
    Files.createDirectories(SCREENSHOTS);
    Path screenshot = SCREENSHOTS.resolve("dashboard.png");
    Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
    assertTrue(Files.size(screenshot) > 10_000, "a screenshot of the dashboard: " + screenshot);
  }

  @Test
  @DisplayName("R-S1 the dashboard refuses a token without the manager role, and a forged one")
  void otherRolesAreRefused() {
    signIn(Tokens.staff("handler", "CSC"));
    awaitPage("refused");
    String message = browser.findElement(By.id("message")).getText();
    assertTrue(message.contains("管理者"), message);
    assertTrue(!browser.findElement(By.id("dashboard")).isDisplayed(), "no figures shown");

    signIn("not-a-token");
    awaitPage("refused");
    assertTrue(browser.findElement(By.id("message")).getText().contains("令牌无效"));
  }

  private void signIn(String token) {
    browser.get(Runtime.BASE_URL + "/dashboard/");
    browser.findElement(By.id("token")).sendKeys(token);
    browser.findElement(By.id("sign-in-button")).click();
  }

  private void awaitPage(String state) {
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(
            b ->
                state.equals(
                    ((JavascriptExecutor) b).executeScript("return document.body.dataset.ready")));
  }

  private long chartTotal(String id) {
    Object total =
        browser.executeScript(
            "const c = Chart.getChart(arguments[0]);"
                + " return c ? c.data.datasets[0].data.reduce((a, b) => a + Number(b), 0) : -1;",
            id);
    return ((Number) total).longValue();
  }

  /** Whether the canvas holds any painted pixel. */
  private boolean drawn(String id) {
    Object painted =
        browser.executeScript(
            "const canvas = document.getElementById(arguments[0]);"
                + " if (!canvas.width || !canvas.height) return false;"
                + " const data = canvas.getContext('2d').getImageData(0, 0, canvas.width,"
                + " canvas.height).data;"
                + " for (let i = 3; i < data.length; i += 4) { if (data[i] > 0) return true; }"
                + " return false;",
            id);
    return Boolean.TRUE.equals(painted);
  }
}
