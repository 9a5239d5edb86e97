package org.trainset.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeXmlTest {
  @TempDir Path tmp;

  private static InputException readAll(Path file, ParseLimits limits) {
    return assertThrows(InputException.class, () -> {
      XMLStreamReader r = SafeXml.open(file, limits);
      try {
        while (r.hasNext()) {
          r.next();
          if (r.getEventType() == XMLStreamConstants.CHARACTERS && r.getText().contains("SECRET")) {
            throw new AssertionError("external entity content leaked into the document");
          }
        }
      } catch (XMLStreamException e) {
        throw SafeXml.inputError(file, e);
      } finally {
        r.close();
      }
    });
  }

  @Test
  void externalEntityIsRefusedAndNeverRead() throws Exception {
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "SECRET");
    Path xml = Files.writeString(tmp.resolve("x.xml"), "<?xml version=\"1.0\"?>\n"
        + "<!DOCTYPE a [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n<annotations>&xxe;</annotations>");
    InputException e = readAll(xml, ParseLimits.DEFAULT);
    assertTrue(e.getMessage().contains("x.xml"), e.getMessage());
    assertTrue(e.getMessage().contains("DOCTYPE") || e.getMessage().toLowerCase().contains("doctype")
        || e.getMessage().contains("entity"), e.getMessage());
  }

  @Test
  void billionLaughsFailsFast() throws Exception {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      sb.append("<!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) sb.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
      sb.append("\">\n");
    }
    sb.append("]>\n<lolz>&lol9;</lolz>");
    Path xml = Files.writeString(tmp.resolve("bomb.xml"), sb.toString());
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> readAll(xml, ParseLimits.DEFAULT));
  }

  @Test
  void truncatedXmlNamesLine() throws Exception {
    Path xml = Files.writeString(tmp.resolve("t.xml"), "<annotations>\n  <image id=\"0\">\n    <box ");
    InputException e = readAll(xml, ParseLimits.DEFAULT);
    assertTrue(e.line() >= 3, "line " + e.line());
    assertEquals("xml-syntax", e.rule());
  }

  @Test
  void nestingLimitApplies() throws Exception {
    Path xml = Files.writeString(tmp.resolve("deep.xml"), "<a>".repeat(50) + "</a>".repeat(50));
    InputException e = readAll(xml, ParseLimits.DEFAULT.withMaxNestingDepth(10));
    assertTrue(e.getMessage().contains("nesting"), e.getMessage());
  }

  @Test
  void ordinaryDocumentReads() throws Exception {
    Path xml = Files.writeString(tmp.resolve("ok.xml"), "<?xml version=\"1.0\"?><a x=\"1\">t &amp; u</a>");
    XMLStreamReader r = SafeXml.open(xml, ParseLimits.DEFAULT);
    StringBuilder text = new StringBuilder();
    while (r.hasNext()) {
      if (r.next() == XMLStreamConstants.CHARACTERS) text.append(r.getText());
    }
    r.close();
    assertEquals("t & u", text.toString());
    assertFalse(text.isEmpty());
  }

  @Test
  void depthGuardCountsElementTextAndNextTag() throws Exception {
    // 500 sibling elements read with getElementText()/nextTag() must not look 500 deep.
    StringBuilder sb = new StringBuilder("<a>");
    for (int i = 0; i < 500; i++) sb.append("<attribute name=\"n\">v").append(i).append("</attribute>\n");
    sb.append("</a>");
    Path xml = Files.writeString(tmp.resolve("wide.xml"), sb.toString());
    XMLStreamReader r = SafeXml.open(xml, ParseLimits.DEFAULT.withMaxNestingDepth(5));
    r.nextTag();
    int read = 0;
    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
      assertEquals("v" + read, r.getElementText());
      read++;
    }
    r.close();
    assertEquals(500, read);
  }

  private static String text(Path xml) throws Exception {
    XMLStreamReader r = SafeXml.open(xml, ParseLimits.DEFAULT);
    StringBuilder text = new StringBuilder();
    while (r.hasNext()) {
      if (r.next() == XMLStreamConstants.CHARACTERS) text.append(r.getText());
    }
    r.close();
    return text.toString();
  }

  @Test
  void bytesThatAreNotUtf8AreOneInputErrorAndNothingOnStderr() throws Exception {
    byte[] bad = {(byte) 0xC3, (byte) 0x28};
    for (String head : new String[] {"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "", "\uFEFF"}) {
      Path xml = tmp.resolve("bad" + head.length() + ".xml");
      byte[] start = (head + "<annotation>\n<name>" + "x".repeat(20_000)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      byte[] end = "</name></annotation>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
      b.write(start);
      b.write(bad);
      b.write(end);
      Files.write(xml, b.toByteArray());
      java.io.PrintStream err = System.err;
      java.io.ByteArrayOutputStream stray = new java.io.ByteArrayOutputStream();
      InputException e;
      try {
        System.setErr(new java.io.PrintStream(stray, true));
        e = readAll(xml, ParseLimits.DEFAULT);
      } finally {
        System.setErr(err);
      }
      assertEquals("text-encoding", e.rule(), e.getMessage());
      assertEquals(head.startsWith("<?xml") ? 3 : 2, e.line(), e.getMessage());
      assertTrue(e.getMessage().contains(xml.getFileName().toString()), e.getMessage());
      assertEquals("", stray.toString(), "the parser printed to stderr");
    }
  }

  @Test
  void otherDeclaredEncodingsAndAByteOrderMarkStillRead() throws Exception {
    Path euc = tmp.resolve("euc.xml");
    Files.write(euc, "<?xml version=\"1.0\" encoding=\"EUC-KR\"?><a>보행</a>".getBytes("EUC-KR"));
    assertEquals("보행", text(euc));
    Path bom = tmp.resolve("bom.xml");
    Files.write(bom, "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?><a>보행 &amp; 길</a>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals("보행 & 길", text(bom));
    Path utf16 = tmp.resolve("utf16.xml");
    Files.write(utf16, "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>보행</a>".getBytes(java.nio.charset.StandardCharsets.UTF_16));
    assertEquals("보행", text(utf16));
  }
}
