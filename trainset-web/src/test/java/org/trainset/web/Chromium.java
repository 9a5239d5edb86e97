package org.trainset.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium driven by Playwright for Java. Playwright downloads nothing: the
 * browser is /usr/bin/chromium (scripts/install-test-deps installs it) and Playwright's driver runs
 * on the Node.js already on PATH (the one that builds the app), not on a bundled Node binary.
 */
final class Chromium implements AutoCloseable {
  static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", "--force-device-scale-factor=1");

  final Playwright playwright;
  final Browser browser;

  Chromium() {
    if (System.getProperty("playwright.nodejs.path") == null) {
      System.setProperty("playwright.nodejs.path", onPath("node").toString());
    }
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    Path exe = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));
    if (!Files.isExecutable(exe)) throw new IllegalStateException(exe + " missing: run scripts/install-test-deps (Debian package chromium)");
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(exe).setHeadless(true).setArgs(FLAGS));
  }

  static Path onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir, program);
      if (Files.isExecutable(p)) return p;
    }
    throw new IllegalStateException(program + " is not on PATH (Node.js builds the web app and runs Playwright's driver)");
  }

  @Override public void close() {
    browser.close();
    playwright.close();
  }
}
