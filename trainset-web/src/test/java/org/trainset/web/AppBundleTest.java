package org.trainset.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The contract with trainset-server: the module's classes (and so its jar) carry the built app
 * under web/ — index.html plus the assets it names, all local (/assets/...), nothing fetched from
 * elsewhere and no data files.
 */
class AppBundleTest {
  static String resource(String path) throws IOException {
    try (InputStream in = AppBundleTest.class.getResourceAsStream("/web/" + path)) {
      assertNotNull(in, "web/" + path + " is on the classpath");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void indexNamesOnlyLocalAssetsThatExist() throws IOException {
    String index = resource("index.html");
    Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(index);
    List<String> refs = m.results().map(r -> r.group(1)).toList();
    assertEquals(2, refs.size(), "one script and one stylesheet: " + refs);
    for (String ref : refs) {
      assertTrue(ref.startsWith("/assets/"), ref);
      assertFalse(resource(ref.substring(1)).isEmpty(), ref);
    }
    assertFalse(index.contains("http://") || index.contains("https://"), "no external references");
  }

  @Test
  void theBundleCarriesTheAppInBothLanguages() throws IOException {
    String index = resource("index.html");
    Matcher m = Pattern.compile("src=\"/(assets/[^\"]+\\.js)\"").matcher(index);
    assertTrue(m.find());
    String js = resource(m.group(1));
    assertTrue(js.contains("trainset:first-grid"), "the app's own code is in the bundle");
    assertTrue(js.contains("로그아웃") && js.contains("Log out"));
  }
}
