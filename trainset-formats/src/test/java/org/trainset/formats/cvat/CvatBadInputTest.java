package org.trainset.formats.cvat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.Datasets;
import org.trainset.core.FormatRegistry;
import org.trainset.core.io.InputException;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ReadOptions;

/** Hostile and broken CVAT XML fails with an input error that says where and why. */
class CvatBadInputTest {
  static final Format CVAT = FormatRegistry.load().require("cvat");
  @TempDir Path tmp;

  static InputException readFails(Path file) {
    return assertThrows(InputException.class,
        () -> Datasets.readAll(Datasets.plan(CVAT, file, ReadOptions.defaults()), ReadOptions.defaults()));
  }

  @Test
  void externalEntityIsRefusedAndTheFileNeverRead() throws IOException {
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET-CONTENT");
    Path xml = Files.writeString(tmp.resolve("xxe.xml"), """
        <?xml version="1.0"?>
        <!DOCTYPE annotations [<!ENTITY leak SYSTEM "file://%s">]>
        <annotations><version>1.1</version>
          <image id="0" name="&leak;" width="1" height="1"/>
        </annotations>
        """.formatted(secret.toAbsolutePath()));
    assertEquals("cvat", FormatRegistry.load().detect(xml).id(), "still recognised, so the reader can refuse it");
    InputException e = readFails(xml);
    assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    assertTrue(e.getMessage().contains("xxe.xml:2"), e.getMessage());
    assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
  }

  @Test
  void billionLaughsIsRefusedFast() throws IOException {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE annotations [\n<!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i <= 10; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
    }
    dtd.append("]>\n");
    Path xml = Files.writeString(tmp.resolve("bomb.xml"),
        "<?xml version=\"1.0\"?>\n" + dtd + "<annotations><version>&lol10;</version></annotations>\n");
    InputException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> readFails(xml));
    assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
  }

  @Test
  void truncatedXmlNamesLineAndColumn() throws IOException {
    Path xml = Files.writeString(tmp.resolve("cut.xml"), """
        <annotations>
          <version>1.1</version>
          <image id="0" name="a.jpg" width="10" height="10">
            <box label="x" xtl="1" ytl="1" xbr="2" ybr="2"/>
            <polygon label="x" points="1,1;2,2;3""");
    InputException e = readFails(xml);
    assertEquals("xml-syntax", e.rule());
    assertEquals(5, e.line());
    assertTrue(e.column() > 0, e.getMessage());
    assertTrue(e.getMessage().startsWith(xml.toString() + ":5:"), e.getMessage());
  }

  @Test
  void unknownShapeAttributeNamesFileLineAndColumn() throws IOException {
    Path xml = Files.writeString(tmp.resolve("typo.xml"), """
        <annotations>
          <version>1.1</version>
          <image id="0" name="a.jpg" width="10" height="10">
            <box label="x" xtl="1" ytl="1" xbr="2" ybr="2" z_ordr="3"/>
          </image>
        </annotations>
        """);
    InputException e = readFails(xml);
    assertEquals("cvat-unknown-attribute", e.rule());
    assertEquals(4, e.line());
    assertTrue(e.column() > 0);
    assertTrue(e.getMessage().contains("typo.xml:4:") && e.getMessage().contains("z_ordr"), e.getMessage());
  }

  @Test
  void unsupportedShapeAndBadNumbersAreInputErrors() throws IOException {
    Path ellipse = Files.writeString(tmp.resolve("ellipse.xml"), """
        <annotations><version>1.1</version>
          <image id="0" name="a.jpg"><ellipse label="x" cx="1" cy="1" rx="2" ry="2"/></image>
        </annotations>
        """);
    InputException unsupported = readFails(ellipse);
    assertEquals("cvat-unsupported-shape", unsupported.rule());
    assertEquals(2, unsupported.line());
    assertEquals("a.jpg", unsupported.item());
    // validate collects it instead and reads on
    java.util.List<org.trainset.core.issue.Issue> found = new java.util.ArrayList<>();
    ReadOptions collecting = ReadOptions.defaults().withProblems(found::add);
    var items = Datasets.readAll(Datasets.plan(CVAT, ellipse, collecting), collecting);
    assertEquals(1, items.size());
    assertEquals(0, items.get(0).annotations().size());
    assertEquals(1, found.size());
    Path typo = Files.writeString(tmp.resolve("elipse.xml"), """
        <annotations><version>1.1</version>
          <image id="0" name="a.jpg"><elipse label="x"/></image>
        </annotations>
        """);
    assertEquals("cvat-unknown-shape", readFails(typo).rule());
    Path nan = Files.writeString(tmp.resolve("nan.xml"), """
        <annotations><version>1.1</version>
          <image id="0" name="a.jpg"><box label="x" xtl="NaN" ytl="1" xbr="2" ybr="2"/></image>
        </annotations>
        """);
    assertEquals("cvat-number", readFails(nan).rule());
    Path mask = Files.writeString(tmp.resolve("mask.xml"), """
        <annotations><version>1.1</version>
          <image id="0" name="a.jpg"><mask label="x" rle="1, 2" left="0" top="0" width="2" height="2"/></image>
        </annotations>
        """);
    InputException e = readFails(mask);
    assertEquals("cvat-mask", e.rule());
    assertTrue(e.getMessage().contains("sum to 3"), e.getMessage());
  }

  @Test
  void manyAttributeElementsDoNotCountAsNesting() throws IOException {
    // 500 shapes with an <attribute> each: flat, so far below the nesting limit of 200.
    String shapes = "<box label=\"x\" xtl=\"1\" ytl=\"1\" xbr=\"2\" ybr=\"2\"><attribute name=\"q\">ok</attribute></box>\n";
    Path xml = Files.writeString(tmp.resolve("flat.xml"), "<annotations><version>1.1</version><image id=\"0\" name=\"a.jpg\">\n"
        + shapes.repeat(500) + "</image></annotations>\n");
    var items = Datasets.readAll(Datasets.plan(CVAT, xml, ReadOptions.defaults()), ReadOptions.defaults());
    assertEquals(500, items.get(0).annotations().size());
  }

  @Test
  void deepNestingIsRefused() throws IOException {
    Path xml = Files.writeString(tmp.resolve("deep.xml"), "<annotations><version>1.1</version><meta>"
        + "<a>".repeat(300) + "</a>".repeat(300) + "</meta></annotations>");
    InputException e = readFails(xml);
    assertTrue(e.getMessage().contains("nesting deeper than 200"), e.getMessage());
  }
}
